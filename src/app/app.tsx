import { useApp } from 'ink';
import { useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import type { VaultSession } from '../vault/store.js';
import { CreateVault } from '../screens/create-vault.js';
import { Unlock } from '../screens/unlock.js';
import { currentScreen, isFullScreen, type Navigation } from '../screens/navigation.js';
import { useShell } from '../screens/shell-context.js';
import { ShellView } from './shell.js';
import { idleTimeWords, useIdleLock, type IdleLock } from './use-idle-lock.js';
import { KeyRouter, useKeys } from '../ui/use-keys.js';
import { MinimumSize } from '../ui/components/minimum-size.js';

type RenderScreen = (navigation: Navigation) => ReactNode;

type Phase =
  | { name: 'create' }
  | { name: 'unlock'; locked?: string }
  | { name: 'ready'; session: VaultSession; renderScreen: RenderScreen };

// The screens pull in the crypto libraries; their import starts with the first frame and
// runs while the user types the password.
const loadScreens = () => import('../screens/index.js').then((m) => m.renderScreen);

export interface AppProps {
  vaultPath: string;
  vaultExists: boolean;
  /** Called with the open session, so the caller can wipe its key on exit; with undefined once it locked. */
  onSession?: (session: VaultSession | undefined) => void;
  /** The idle time before the app locks, in place of the vault's setting: for tests, which cannot wait minutes. */
  lockAfterSeconds?: number;
}

export function App({ vaultPath, vaultExists, onSession, lockAfterSeconds }: AppProps) {
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

  const limitMs = () => {
    if (phase.name !== 'ready') return 0;
    return lockAfterSeconds !== undefined
      ? lockAfterSeconds * 1000
      : phase.session.data.settings.lockAfterMinutes * 60_000;
  };
  // Locking unmounts the shell, and with it every screen and what it decrypted; the key is wiped.
  const lock = () => {
    if (phase.name !== 'ready') return;
    const waited = limitMs();
    phase.session.close();
    onSession?.(undefined);
    setPhase({ name: 'unlock', locked: `Locked after ${idleTimeWords(waited)} without a key.` });
  };
  const idleLock = useIdleLock({ armed: phase.name === 'ready', limitMs, onLock: lock });

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
        return <Unlock path={vaultPath} onUnlocked={open} notice={phase.locked} />;
      case 'ready': {
        const { session, renderScreen } = phase;
        return (
          <ShellView
            session={session}
            renderScreen={(navigation) => (
              <>
                <IdleWatch lock={idleLock} navigation={navigation} />
                {renderScreen(navigation)}
              </>
            )}
          />
        );
      }
    }
  }
}

/** Tells the lock of every key, and of what must not be cut short: a write under way, the QR player on screen. */
function IdleWatch({ lock, navigation }: { lock: IdleLock; navigation: Navigation }) {
  const shell = useShell();
  const busy = shell.busy !== undefined || isFullScreen(currentScreen(navigation));
  useLayoutEffect(() => lock.hold(busy), [lock, busy]);
  useKeys(lock.touch, true);
  return null;
}
