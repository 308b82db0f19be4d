import { useApp } from 'ink';
import { useEffect, useState, type ReactNode } from 'react';
import type { VaultSession } from '../vault/store.js';
import { CreateVault } from '../screens/create-vault.js';
import { Unlock } from '../screens/unlock.js';
import type { Navigation } from '../screens/navigation.js';
import { ShellView } from './shell.js';
import { KeyRouter } from '../ui/use-keys.js';
import { MinimumSize } from '../ui/components/minimum-size.js';

type RenderScreen = (navigation: Navigation) => ReactNode;

type Phase =
  { name: 'create' } | { name: 'unlock' } | { name: 'ready'; session: VaultSession; renderScreen: RenderScreen };

// The screens pull in the crypto libraries; their import starts with the first frame and
// runs while the user types the password.
const loadScreens = () => import('../screens/index.js').then((m) => m.renderScreen);

export interface AppProps {
  vaultPath: string;
  vaultExists: boolean;
  /** Called with the open session, so the caller can wipe its key on exit. */
  onSession?: (session: VaultSession) => void;
}

export function App({ vaultPath, vaultExists, onSession }: AppProps) {
  const { exit } = useApp();
  const [phase, setPhase] = useState<Phase>(vaultExists ? { name: 'unlock' } : { name: 'create' });
  const [screens] = useState(loadScreens);
  useEffect(() => void screens.catch(() => undefined), [screens]);

  const open = (session: VaultSession) => {
    onSession?.(session);
    // Screens that fail to load are a broken install: the app ends, and the command line reports it.
    screens.then(
      (renderScreen) => setPhase({ name: 'ready', session, renderScreen }),
      (error: unknown) => exit(error instanceof Error ? error : new Error(String(error))),
    );
  };

  return (
    <MinimumSize>
      <KeyRouter>{renderPhase()}</KeyRouter>
    </MinimumSize>
  );

  function renderPhase() {
    switch (phase.name) {
      case 'create':
        return <CreateVault path={vaultPath} onCreated={open} />;
      case 'unlock':
        return <Unlock path={vaultPath} onUnlocked={open} />;
      case 'ready':
        return <ShellView session={phase.session} renderScreen={phase.renderScreen} />;
    }
  }
}
