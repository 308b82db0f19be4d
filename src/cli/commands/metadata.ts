import type { Command } from 'commander';
import { lazy } from './lazy.js';

const metadata = () => import('../metadata.js');

export function registerMetadataCommands(program: Command): void {
  const group = program
    .command('metadata')
    .description("chain metadata brought from an online node, to decode what is signed (a node's state_getMetadata)");
  group
    .command('add')
    .description("keep a chain's metadata (a node's state_getMetadata answer: hex, JSON or bytes) beside the vault")
    .argument('<file>')
    .option('--genesis <hash>', 'for a chain airlock does not know: its genesis hash (block 0), 0x and 64 hex digits')
    .option('--token <symbol>', 'for a chain airlock does not know: its token symbol (e.g. DOT)')
    .option('--decimals <n>', "for a chain airlock does not know: its token's decimals (e.g. 10)")
    .option('--json', 'one JSON document')
    .action(lazy(metadata, 'addMetadata'));
  group
    .command('list')
    .description('list the metadata kept, and whether each file is still the one added')
    .option('--json', 'one JSON document')
    .action(lazy(metadata, 'listMetadata'));
  group
    .command('remove')
    .description("remove a network's metadata: of one runtime version, or all of them")
    .argument('<network>')
    .argument('[spec-version]')
    .option('--json', 'one JSON document')
    .action(lazy(metadata, 'removeMetadata'));
}
