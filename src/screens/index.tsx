import type { ReactNode } from 'react';
import type { Navigation } from './navigation.js';
import { currentScreen } from './navigation.js';
import { AccountDerive } from './accounts/account-derive.js';
import { AccountDetail } from './accounts/account-detail.js';
import { AccountRemove } from './accounts/account-remove.js';
import { AccountRename } from './accounts/account-rename.js';
import { AccountsHome } from './accounts/accounts-home.js';
import { AddressEdit } from './addresses/address-edit.js';
import { AddressRemove } from './addresses/address-remove.js';
import { AddressesHome } from './addresses/addresses-home.js';
import { BackupExport } from './backups/backup-export.js';
import { BackupImport } from './backups/backup-import.js';
import { BackupsHome } from './backups/backups-home.js';
import { Help } from './help.js';
import { IdentitiesHome } from './identities/identities-home.js';
import { IdentityNew } from './identities/identity-new.js';
import { IdentityRemove } from './identities/identity-remove.js';
import { IdentityRename } from './identities/identity-rename.js';
import { IdentityRestore } from './identities/identity-restore.js';
import { LedgerHome } from './ledger/ledger-home.js';
import { LedgerRecover } from './ledger/ledger-recover.js';
import { LedgerScan } from './ledger/ledger-scan.js';
import { QrAccount } from './qr/qr-account.js';
import { QrHome } from './qr/qr-home.js';
import { QrPlayer } from './qr/qr-player.js';
import { QrRead } from './qr/qr-read.js';
import { QrSendFile } from './qr/qr-send-file.js';
import { MetadataAdd } from './sign/metadata-add.js';
import { MetadataList } from './sign/metadata-list.js';
import { MetadataRemove } from './sign/metadata-remove.js';
import { SignHome } from './sign/sign-home.js';
import { SignRequest } from './sign/sign-request.js';
import { NetworkChoose } from './settings/network-choose.js';
import { PasswordChange } from './settings/password-change.js';
import { SettingsHome } from './settings/settings-home.js';

/** The screen registry: which component draws which screen. */
export function renderScreen(navigation: Navigation): ReactNode {
  const screen = currentScreen(navigation);
  switch (screen.name) {
    case 'home':
      return renderHome(navigation.section);
    case 'help':
      return <Help section={navigation.section} />;
    case 'identity-new':
      return <IdentityNew />;
    case 'identity-restore':
      return <IdentityRestore />;
    case 'identity-rename':
      return <IdentityRename identity={screen.identity} />;
    case 'identity-remove':
      return <IdentityRemove identity={screen.identity} />;
    case 'account-detail':
      return <AccountDetail account={screen.account} />;
    case 'identity-accounts':
      return <AccountsHome key={screen.identity} identity={screen.identity} />;
    case 'account-derive':
      return <AccountDerive identity={screen.identity} />;
    case 'account-rename':
      return <AccountRename account={screen.account} />;
    case 'account-remove':
      return <AccountRemove account={screen.account} />;
    case 'address-add':
      return <AddressEdit prefill={screen.prefill} />;
    case 'address-edit':
      return <AddressEdit address={screen.address} />;
    case 'address-remove':
      return <AddressRemove address={screen.address} />;
    case 'password-change':
      return <PasswordChange />;
    case 'network-choose':
      return <NetworkChoose />;
    case 'backup-export':
      return <BackupExport screen={screen} />;
    case 'backup-import':
      return <BackupImport verifyOnly={screen.verifyOnly} path={screen.path} />;
    case 'qr-account':
      return <QrAccount />;
    case 'qr-send-file':
      return <QrSendFile />;
    case 'qr-read':
      return <QrRead />;
    case 'qr-show':
      return <QrPlayer source={screen.source} />;
    case 'sign-request':
      return <SignRequest />;
    case 'sign-metadata':
      return <MetadataList />;
    case 'metadata-add':
      return <MetadataAdd />;
    case 'metadata-remove':
      return <MetadataRemove network={screen.network} specVersion={screen.specVersion} />;
    case 'ledger-scan':
      return <LedgerScan />;
    case 'ledger-recover':
      return <LedgerRecover />;
  }
}

function renderHome(section: Navigation['section']): ReactNode {
  switch (section) {
    case 'identities':
      return <IdentitiesHome />;
    case 'accounts':
      return <AccountsHome />;
    case 'addresses':
      return <AddressesHome />;
    case 'settings':
      return <SettingsHome />;
    case 'backups':
      return <BackupsHome />;
    case 'ledger':
      return <LedgerHome />;
    case 'qr':
      return <QrHome />;
    case 'sign':
      return <SignHome />;
  }
}
