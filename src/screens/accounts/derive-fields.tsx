import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { theme } from '../../ui/theme.js';
import { KEY_TYPES } from '../../vault/keys.js';
import { Labelled } from './labelled.js';
import type { DeriveCheck, DeriveField, DeriveForm } from './derive-form-state.js';
import { Prose } from '../../ui/components/prose.js';

const LABELS: Record<DeriveField, string> = {
  identity: 'Identity',
  name: 'Name',
  type: 'Key type',
  path: 'Path',
  network: 'Network',
};

/** The derive form's fields, each with what is wrong with it, said as the user types. */
export function DeriveFields({ form, check }: { form: DeriveForm; check: DeriveCheck }) {
  const network = check.network;
  return (
    <Box flexDirection="column">
      <Row form={form} check={check} field="identity">
        <Choice options={form.identities} chosen={form.identity} focused={form.focus === 'identity'} />
      </Row>
      <Row form={form} check={check} field="name">
        <Typed value={form.name} focused={form.focus === 'name'} placeholder="(required)" />
      </Row>
      <Row form={form} check={check} field="type">
        <Choice options={KEY_TYPES} chosen={form.type} focused={form.focus === 'type'} />
      </Row>
      <Row form={form} check={check} field="path">
        <Typed value={form.path} focused={form.focus === 'path'} placeholder="(root: no derivation path)" />
      </Row>
      <Row form={form} check={check} field="network">
        <Text bold={form.focus === 'network'}>{form.network}</Text>
        {network ? <Text color={theme.muted}>{`  ${network.displayName}, SS58 prefix ${network.prefix}`}</Text> : null}
      </Row>
    </Box>
  );
}

interface RowProps {
  form: DeriveForm;
  check: DeriveCheck;
  field: DeriveField;
  children: ReactNode;
}

function Row({ form, check, field, children }: RowProps) {
  const problem = check.problems[field];
  return (
    <>
      <Labelled label={LABELS[field]} focused={form.focus === field}>
        {children}
      </Labelled>
      {problem ? (
        <Labelled label="" wrap="wrap">
          <Prose color={theme.error}>{`✗ ${problem}`}</Prose>
        </Labelled>
      ) : null}
    </>
  );
}

function Typed({ value, focused, placeholder }: { value: string; focused: boolean; placeholder: string }) {
  return (
    <Text>
      {value || focused ? value : <Text color={theme.muted}>{placeholder}</Text>}
      {focused ? <Text inverse> </Text> : null}
    </Text>
  );
}

/** All options in a row, the chosen one marked (also without colour); ←/→ change it when focused. */
function Choice({ options, chosen, focused }: { options: readonly string[]; chosen: string; focused: boolean }) {
  return (
    <Text>
      {options.map((option, i) => (
        <Text
          key={option}
          bold={option === chosen}
          color={option === chosen ? (focused ? theme.accent : undefined) : theme.muted}
        >
          {`${i > 0 ? '  ' : ''}${option === chosen ? '●' : '○'} ${option}`}
        </Text>
      ))}
    </Text>
  );
}
