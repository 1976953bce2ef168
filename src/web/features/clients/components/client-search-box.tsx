import { Badge, Box, Group, Loader, Popover, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useId } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { type KeyboardEvent, type ReactNode, type Ref, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClientListItem, visibleLength } from '../../../../shared/index.js';
import { describeError } from '../../../components/feedback/describe-error.js';
import { useFormat } from '../../../components/intl/use-format.js';
import { useQuickSearch } from '../api/search-clients.js';
import classes from './client-search-box.module.css';
import { formatClientName, formatNativeName } from './client-name.js';
import { MatchReasons } from './match-reasons.js';

type ClientSearchBoxProps = {
  label: string;
  /** The label is read by screen readers but not shown (the header, a dialog titled the same). */
  hideLabel?: boolean;
  description?: string;
  placeholder?: string;
  /** Results right under the field instead of in a dropdown: for the full-screen search on phones. */
  inline?: boolean;
  onPick: (client: ClientListItem) => void;
  /** Offers "show all results" as the last option, and takes Enter when no result is chosen. */
  onShowAll?: (q: string) => void;
  /** Records not offered, e.g. the record another one is merged into. */
  excludeIds?: readonly string[];
  rightSection?: ReactNode;
  /** `aria-keyshortcuts` of the field, e.g. "/ Control+K". */
  keyShortcuts?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Focused when it appears (in a dialog: Mantine's focus trap honours `data-autofocus`). */
  autoFocus?: boolean;
  /** Escape with no result list open, e.g. to close the dialog around the search. */
  onEscape?: () => void;
};

type SearchOption = { kind: 'client'; client: ClientListItem } | { kind: 'all' };

/**
 * Finds clients as you type (any script or spelling, number, phone, e-mail, birth date): an ARIA 1.2
 * combobox whose options stay in the list while focus stays in the field, so arrow keys move through
 * the results, Enter opens one and Escape closes the list. The number of results is announced.
 */
export function ClientSearchBox({
  label,
  hideLabel,
  description,
  placeholder,
  inline,
  onPick,
  onShowAll,
  excludeIds,
  rightSection,
  keyShortcuts,
  inputRef,
  autoFocus,
  onEscape,
}: ClientSearchBoxProps) {
  const { t } = useTranslation();
  const { formatDate, formatNumber } = useFormat();
  const baseId = useId();
  const listId = `${baseId}-results`;
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 200);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [active, setActive] = useState(-1);
  const search = useQuickSearch(debounced);

  const enoughText = visibleLength(text) >= 2;
  const upToDate = debounced === text;
  const clients = (search.data?.items ?? []).filter((client) => !excludeIds?.includes(client.id));
  // Records left out here are not counted either.
  const total = Math.max(0, (search.data?.total ?? 0) - ((search.data?.items.length ?? 0) - clients.length));
  const options: SearchOption[] = [
    ...clients.map((client) => ({ kind: 'client' as const, client })),
    ...(onShowAll && clients.length > 0 ? [{ kind: 'all' as const }] : []),
  ];
  const open = (inline || focused) && !dismissed && enoughText;
  const listShown = open && options.length > 0 && !search.isError;

  // New results start again with nothing chosen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset whenever the results change
  useEffect(() => setActive(-1), [search.data]);

  function choose(option: SearchOption | undefined) {
    if (!option) return;
    setDismissed(true);
    setActive(-1);
    if (option.kind === 'client') {
      setText('');
      onPick(option.client);
    } else {
      onShowAll?.(text.trim());
    }
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        setDismissed(false);
        if (options.length === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((current) => (current === -1 && step === -1 ? options.length - 1 : (current + step + options.length) % options.length));
        return;
      }
      case 'Home':
      case 'End':
        if (listShown && active !== -1) {
          event.preventDefault();
          setActive(event.key === 'Home' ? 0 : options.length - 1);
        }
        return;
      case 'Enter':
        event.preventDefault();
        if (listShown && active >= 0) choose(options[active]);
        else if (onShowAll && enoughText) choose({ kind: 'all' });
        return;
      case 'Escape':
        if (open) {
          event.preventDefault();
          setDismissed(true);
          setActive(-1);
        } else if (onEscape) {
          onEscape();
        } else if (text) {
          event.preventDefault();
          setText('');
        }
        return;
      default:
    }
  }

  const status = !open
    ? ''
    : search.isError
      ? describeError(search.error, t)
      : !search.data
        ? t('search.searching')
        : // Quiet while typing on: the count is announced once the results for what was typed arrive.
          !upToDate || search.isPlaceholderData
          ? ''
          : clients.length === 0
            ? t('search.noResults')
            : t('search.resultCount', { total: formatNumber(total), shown: formatNumber(clients.length) });

  const results = !open ? null : search.isError ? (
    <Text className={classes.message} c="red.9" role="presentation">
      {describeError(search.error, t)}
    </Text>
  ) : !search.data ? (
    <Group gap="xs" className={classes.message}>
      <Loader size="xs" aria-hidden />
      {t('search.searching')}
    </Group>
  ) : options.length === 0 ? (
    <Text className={classes.message}>{upToDate ? t('search.noResults') : t('search.searching')}</Text>
  ) : (
    <div id={listId} role="listbox" aria-label={t('search.resultsLabel')} className={classes.list}>
      {options.map((option, index) => (
        <SearchOptionItem
          key={option.kind === 'all' ? 'all' : option.client.id}
          id={`${baseId}-option-${index}`}
          selected={index === active}
          className={[classes.option, option.kind === 'all' ? classes.all : undefined].filter(Boolean).join(' ')}
          onChoose={() => choose(option)}
        >
          {option.kind === 'all' ? (
            t('search.showAll', { total: formatNumber(total) })
          ) : (
            <ClientOptionContent client={option.client} formatDate={formatDate} />
          )}
        </SearchOptionItem>
      ))}
    </div>
  );

  const input = (
    <TextInput
      ref={inputRef}
      label={hideLabel ? undefined : label}
      aria-label={hideLabel ? label : undefined}
      description={description}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={rightSection}
      rightSectionPointerEvents="none"
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        setDismissed(false);
        setActive(-1);
      }}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onKeyDown={handleKeyDown}
      role="combobox"
      aria-expanded={listShown}
      aria-controls={listShown ? listId : undefined}
      aria-autocomplete="list"
      aria-activedescendant={listShown && active >= 0 ? `${baseId}-option-${active}` : undefined}
      aria-keyshortcuts={keyShortcuts}
      data-mantine-stop-propagation={open || undefined}
      data-autofocus={autoFocus || undefined}
      autoComplete="off"
      autoCapitalize="off"
      spellCheck={false}
      inputMode="search"
      enterKeyHint="search"
    />
  );

  const announcement = (
    <VisuallyHidden role="status" aria-live="polite">
      {status}
    </VisuallyHidden>
  );

  if (inline) {
    return (
      <Box>
        {input}
        {announcement}
        <Box mt="xs">{results}</Box>
      </Box>
    );
  }

  return (
    <>
      <Popover
        opened={open}
        position="bottom-end"
        width="target"
        withRoles={false}
        trapFocus={false}
        returnFocus={false}
        closeOnEscape={false}
        shadow="md"
        offset={4}
      >
        <Popover.Target>{input}</Popover.Target>
        <Popover.Dropdown p={0} miw="min(28rem, calc(100vw - 1rem))" onMouseDown={(event) => event.preventDefault()}>
          {results}
        </Popover.Dropdown>
      </Popover>
      {announcement}
    </>
  );
}

type SearchOptionItemProps = { id: string; selected: boolean; className?: string; onChoose: () => void; children: ReactNode };

/**
 * One result. Focus stays in the search field (aria-activedescendant points here), which handles the
 * keys; a click chooses, and pressing the mouse does not take the focus from the field.
 */
function SearchOptionItem({ id, selected, className, onChoose, children }: SearchOptionItemProps) {
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox field handles the keyboard for its options
    <div
      id={id}
      role="option"
      tabIndex={-1}
      aria-selected={selected}
      className={className}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onChoose}
    >
      {children}
    </div>
  );
}

/** A found client: names in both scripts, number, birth date and the first reason it was found. */
function ClientOptionContent({ client, formatDate }: { client: ClientListItem; formatDate: (date: string | null) => string }) {
  const { t } = useTranslation();
  const native = formatNativeName(client);
  const reason = client.match?.reasons[0];
  return (
    <>
      <Text span fw={700} size="sm">
        {formatClientName(client)}
      </Text>
      {native ? (
        <Text span size="sm" c="dimmed" ml={6}>
          {native}
        </Text>
      ) : null}
      <Group gap={6} mt={2} wrap="wrap">
        <Text span size="xs" c="dimmed">
          {client.clientNumber} ·{' '}
          {client.dateOfBirth ? t('clients.bornOn', { date: formatDate(client.dateOfBirth) }) : t('clients.birthUnknown')}
        </Text>
        {reason ? <MatchReasons reasons={[reason]} /> : null}
        {client.archived ? (
          <Badge component="span" size="sm" radius="sm" variant="light" color="gray" tt="none">
            {t('clients.archived')}
          </Badge>
        ) : null}
      </Group>
    </>
  );
}
