import { useTranslation } from 'react-i18next';

/**
 * The first thing keyboard users reach: jumps past the header and navigation. Focus is moved by
 * hand because the router owns the address and a bare #main fragment would not move it.
 */
export function SkipLink({ targetId = 'main' }: { targetId?: string }) {
  const { t } = useTranslation();
  return (
    <a
      href={`#${targetId}`}
      className="skip-link"
      onClick={(event) => {
        const target = document.getElementById(targetId);
        if (!target) return;
        event.preventDefault();
        target.focus();
        target.scrollIntoView();
      }}
    >
      {t('shell.skipToContent')}
    </a>
  );
}
