import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { formIntentOf } from '../../ui/components/form-intent.js';
import { commandFor, formKeyOf, isInterrupt } from '../../ui/keymap.js';
import { useKeys } from '../../ui/use-keys.js';
import { useSynchronousReducer } from '../../ui/use-synchronous-reducer.js';
import { accountAddress } from '../../vault/accounts.js';
import * as actions from '../../vault/actions.js';
import { listNetworks } from '../../vault/networks.js';
import { networkSearchActionFor } from '../network-search-keys.js';
import { closedNetworkSearch, networkSearchReducer } from '../network-search-state.js';
import { useShell } from '../shell-context.js';
import { LAST_FIELD, checkDeriveForm, deriveFormReducer, initialDeriveForm, isTextField } from './derive-form-state.js';
import { PICKER_CHROME } from './network-picker.js';
import { previewKey, useDerivePreview } from './use-derive-preview.js';
import { useVaultChange } from './use-vault-change.js';

/**
 * The derive form's state, its preview and its keys. The network field is a live search, the one
 * the account detail opens with N: typing there (or Space) opens it with what was typed.
 */
export function useAccountDerive(identities: readonly string[], identity?: string) {
  const shell = useShell();
  const [form, dispatch, latest] = useSynchronousReducer(deriveFormReducer, () =>
    initialDeriveForm(identities, shell.data.settings.defaultNetwork, identity),
  );
  const pickerHeight = Math.max(1, shell.height - PICKER_CHROME);
  const [picker, pickerDispatch, latestPicker] = useSynchronousReducer(networkSearchReducer, () =>
    closedNetworkSearch(listNetworks(), form.network),
  );
  useEffect(() => pickerDispatch({ type: 'resize', height: pickerHeight }), [pickerDispatch, pickerHeight]);
  const check = checkDeriveForm(form);
  const preview = useDerivePreview(shell.data, check.request);
  // The key handler reads the preview shown now, kept at each commit, before the next key is read.
  const shownPreview = useRef(preview);
  useLayoutEffect(() => {
    shownPreview.current = preview;
  });
  const change = useVaultChange();
  // The keys overlay opens over the form, which stays mounted and keeps what was typed.
  const [helpOpen, setHelpOpen] = useState(false);

  const save = () => {
    const { request } = checkDeriveForm(latest());
    if (!request) return;
    const verdict = shownPreview.current;
    // The preview already said why these inputs cannot be saved.
    if (verdict.state === 'failed' && verdict.key === previewKey(request)) return;
    change(
      'Deriving…',
      (session) => actions.deriveAccount(session, request),
      (account) => `Derived account "${account.name}": ${accountAddress(account)}`,
      () => shell.navigate({ type: 'back' }),
    );
  };

  const searchKey = (input: string, key: Parameters<typeof formKeyOf>[1]) => {
    const action = networkSearchActionFor(input, key);
    if (!action) return;
    pickerDispatch(action);
    if (action.type === 'pick' && !latestPicker().open) dispatch({ type: 'network', network: latestPicker().current });
  };

  /** On the network field, text opens the search with it; Space opens it empty. */
  const opensSearch = (input: string, key: Parameters<typeof formKeyOf>[1]) => {
    const formKey = formKeyOf(input, key);
    if (!formKey || !('insert' in formKey)) return false;
    pickerDispatch({ type: 'open', height: pickerHeight, current: latest().network });
    if (!commandFor(input, key, ['toggle']))
      pickerDispatch({ type: 'edit', edit: { type: 'insert', text: formKey.insert } });
    return true;
  };

  // One handler for the whole form, with the form keys of every form. Tab, which elsewhere
  // changes section, moves between the fields here: the user is typing.
  useKeys((input, key) => {
    if (isInterrupt(input, key)) return;
    if (latestPicker().open) return searchKey(input, key);
    const now = latest();
    // Where letters are not typed (a choice, the network), ? shows every key.
    if (!isTextField(now.focus) && commandFor(input, key, ['help'])) return setHelpOpen(true);
    if (now.focus === 'network' && opensSearch(input, key)) return;
    const onChoice = now.focus === 'type' || (now.focus === 'identity' && now.identities.length > 0);
    const intent = formIntentOf(input, key, { onLastField: now.focus === LAST_FIELD, onChoice });
    if (intent?.type === 'field') dispatch(intent.action);
    else if (intent?.type === 'choose') dispatch({ type: 'cycle', step: intent.step });
    else if (intent?.type === 'send') save();
    else if (intent?.type === 'leave') shell.navigate({ type: 'back' });
  }, !helpOpen);

  return { form, check, preview, picker, help: { open: helpOpen, close: () => setHelpOpen(false) } };
}
