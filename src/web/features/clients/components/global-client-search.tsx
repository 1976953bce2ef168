import { ActionIcon, Box, Group, Kbd, Modal } from '@mantine/core';
import { useDisclosure, useMediaQuery, useWindowEvent } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { ClientListItem } from '../../../../shared/index.js';
import { ClientSearchBox } from './client-search-box.js';
import { clientListSearchState } from './use-client-list-state.js';

/** Where typing a character goes into a field, "/" is a character and no shortcut. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const isApple = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The client search in the header, from every page: "/" or Ctrl/⌘+K moves to it. On a phone the
 * header has room for an icon only, which opens the same search on the whole screen.
 */
export function GlobalClientSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false);
  const inputRef = useRef<HTMLInputElement>(null);
  const [opened, dialog] = useDisclosure(false);

  useWindowEvent('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.isComposing) return;
    const modifier = event.ctrlKey || event.metaKey;
    const isModK = modifier && !event.shiftKey && (event.code === 'KeyK' || event.key.toLowerCase() === 'k');
    const isSlash = !modifier && event.key === '/' && !isEditable(event.target);
    if (!isModK && !isSlash) return;
    // Inside another dialog the shortcut would pull focus out of it.
    if (event.target instanceof Element && event.target.closest('[role="dialog"]')) return;
    event.preventDefault();
    if (isPhone) {
      dialog.open();
    } else {
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  });

  // Leaving the page (a result opened) closes the full-screen search.
  // biome-ignore lint/correctness/useExhaustiveDependencies: close on every change of page
  useEffect(() => dialog.close(), [location.pathname]);

  const openClient = (client: ClientListItem) => {
    dialog.close();
    inputRef.current?.blur();
    navigate(`/clients/${client.id}`);
  };
  const showAll = (q: string) => {
    dialog.close();
    inputRef.current?.blur();
    // The list then shows what the search showed, archived records included.
    navigate('/clients?archived=all', { state: clientListSearchState(q) });
  };
  const shortcutLabel = isApple ? '⌘K' : 'Ctrl+K';
  const keyShortcuts = '/ Control+K Meta+K';

  if (isPhone) {
    return (
      <>
        <ActionIcon
          variant="subtle"
          color="dark"
          size="lg"
          aria-label={t('search.open')}
          aria-keyshortcuts={keyShortcuts}
          onClick={dialog.open}
        >
          <IconSearch size={20} aria-hidden />
        </ActionIcon>
        <Modal
          opened={opened}
          onClose={dialog.close}
          fullScreen
          title={t('search.label')}
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          <ClientSearchBox
            label={t('search.label')}
            hideLabel
            placeholder={t('search.placeholderShort')}
            description={t('search.hint')}
            inline
            autoFocus
            onPick={openClient}
            onShowAll={showAll}
            onEscape={dialog.close}
          />
        </Modal>
      </>
    );
  }

  return (
    <Box w={{ base: 240, md: 340 }}>
      <ClientSearchBox
        label={t('search.label')}
        hideLabel
        placeholder={t('search.placeholder', { shortcut: shortcutLabel })}
        inputRef={inputRef}
        keyShortcuts={keyShortcuts}
        rightSection={
          <Group gap={2} wrap="nowrap" aria-hidden>
            <Kbd size="xs">/</Kbd>
          </Group>
        }
        onPick={openClient}
        onShowAll={showAll}
      />
    </Box>
  );
}
