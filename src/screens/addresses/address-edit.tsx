import { Box, Text } from 'ink';
import { useMemo, useRef, useState } from 'react';
import * as actions from '../../vault/actions.js';
import type { AddressEntry } from '../../vault/model.js';
import { findNetwork } from '../../vault/networks.js';
import { KeyHints } from '../../ui/components/key-hints.js';
import { commandFor, FIELD_MOVES } from '../../ui/keymap.js';
import { useShell } from '../shell-context.js';
import { theme } from '../../ui/theme.js';
import { FormField } from '../../ui/components/form-field.js';
import { isTouched } from '../../ui/components/form-state.js';
import { useForm } from '../../ui/components/use-form.js';
import {
  ADDRESS_FIELDS,
  addressFormValues,
  checkAddressForm,
  toNewAddress,
  type AddressField,
  type AddressValues,
  type Problem,
} from './address-form-state.js';
import { useKeys } from '../../ui/use-keys.js';
import { Prose } from '../../ui/components/prose.js';

const LABELS: Record<AddressField, string> = { name: 'Name:', address: 'Address:', network: 'Network:', note: 'Note:' };
const PLACEHOLDERS: Partial<Record<AddressField, string>> = {
  address: 'SS58 or 0x Ethereum; pasting works',
  network: "empty: the address's own prefix decides",
};

/**
 * Adds an entry (no `address`) or edits the one named `address`, checked as the user types.
 * A new entry may start filled in (`prefill`), as from an address QR read from a picture.
 */
export function AddressEdit({ address, prefill }: { address?: string; prefill?: Partial<AddressValues> }) {
  const shell = useShell();
  const replacing = address === undefined ? undefined : shell.data.addresses.find((a) => a.name === address);
  // The form starts from the entry as it was when the screen opened; saving changes the data under it.
  const [initial] = useState(() => ({ ...addressFormValues(shell.data, replacing), ...prefill }));
  const [missing] = useState(() => address !== undefined && !replacing);
  if (missing) return <Missing name={address ?? ''} />;
  return <AddressForm replacing={replacing} initial={initial} editing={address} />;
}

function AddressForm({
  replacing,
  initial,
  editing,
}: {
  replacing?: AddressEntry;
  initial: AddressValues;
  editing?: string;
}) {
  const shell = useShell();
  const [saving, setSaving] = useState(false);
  const started = useRef(false);
  const back = () => shell.navigate({ type: 'back' });

  const save = async (values: AddressValues) => {
    const verdict = checkAddressForm(shell.data, values, replacing);
    if (!verdict.entry) {
      dispatch({ type: 'visit-all' });
      const first = ADDRESS_FIELDS.find((f) => verdict.problems[f]);
      if (first) dispatch({ type: 'focus', field: first });
      return;
    }
    // A second Enter typed before the next frame must not save twice.
    if (started.current) return;
    started.current = true;
    setSaving(true);
    const entry = toNewAddress(values);
    const saved = await shell.run(
      'Saving the address…',
      (session) =>
        editing === undefined ? actions.addAddress(session, entry) : actions.editAddress(session, editing, entry),
      (e) => `Saved "${e.name}" (${e.network}) in the address book`,
    );
    if (saved) return back();
    started.current = false;
    setSaving(false);
  };
  const { state, dispatch } = useForm({
    fields: ADDRESS_FIELDS,
    initial,
    isActive: !saving,
    onSubmit: (v) => void save(v),
    onCancel: back,
  });

  const { values, focus } = state;
  const verdict = useMemo(() => checkAddressForm(shell.data, values, replacing), [shell.data, values, replacing]);
  const field = (name: AddressField) => (
    <FormField
      key={name}
      label={LABELS[name].padEnd(9)}
      value={values[name]}
      focused={focus === name && !saving}
      placeholder={PLACEHOLDERS[name]}
    >
      {/* Once saving, the refreshed data would call the entry a duplicate of itself. */}
      {!saving && verdict.problems[name] && isTouched(state, name) ? (
        <ProblemLine problem={verdict.problems[name]} />
      ) : null}
      {!saving && name === 'network' && verdict.entry ? <SavedUnder network={verdict.entry.network} /> : null}
    </FormField>
  );

  return (
    <Box flexDirection="column" width={shell.width}>
      <Text bold wrap="truncate-end">
        {editing === undefined ? 'Add an address' : `Edit "${editing}"`}
      </Text>
      <Text> </Text>
      {ADDRESS_FIELDS.map(field)}
      <Text> </Text>
      <KeyHints commands={[...FIELD_MOVES, ['submit', 'saves']]} />
      <KeyHints commands={[['confirm', 'on the note saves'], 'back']} />
    </Box>
  );
}

function ProblemLine({ problem }: { problem: Problem }) {
  return (
    <Box flexDirection="column">
      <Prose color={theme.error}>{`✗ ${problem.message}`}</Prose>
      {problem.hint ? <Text color={theme.muted}>{problem.hint}</Text> : null}
    </Box>
  );
}

function SavedUnder({ network }: { network: string }) {
  const { displayName, prefix } = findNetwork(network);
  return (
    <Text
      color={theme.success}
      wrap="truncate-end"
    >{`✓ will be saved for ${network} (prefix ${prefix}, ${displayName})`}</Text>
  );
}

function Missing({ name }: { name: string }) {
  const shell = useShell();
  useKeys((input, key) => {
    if (commandFor(input, key, ['confirm', 'back'])) shell.navigate({ type: 'back' });
    else shell.globalKey(input, key);
  }, true);
  return (
    <Box flexDirection="column" width={shell.width} gap={1}>
      <Prose color={theme.error}>{`No address-book entry is named "${name}" any more.`}</Prose>
      <KeyHints commands={['back']} />
    </Box>
  );
}
