/**
 * The Substrate development phrase and its published keys, as subkey, polkadot.js and Moonbeam
 * document them: known answers for unit, screen and end-to-end tests alike.
 */

/** The Substrate development phrase: //Alice, //Bob … are derived from it. */
export const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';

/** sr25519 //Alice in three encodings. */
export const ALICE = {
  publicKey: '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
  substrate: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
  polkadot: '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5',
  kusama: 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F',
} as const;

/** sr25519 //Bob. */
export const BOB = {
  publicKey: '0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48',
  substrate: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
  polkadot: '14E5nqKAp3oAJcmzgZhUD2RcptBeUBScxKHgJKU4HPNcKVf3',
} as const;

/** sr25519 //Charlie. */
export const CHARLIE = {
  publicKey: '0x90b5ab205c6974c9ea841be688864633dc9ca8a357843eeacf2314649965fe22',
  substrate: '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y',
  kusama: 'Fr4NzY1udSFFLzb2R3qxVQkwz9cZraWkyfH4h3mVVk7BK7P',
} as const;

/** sr25519 //Dave and //Eve (generic Substrate encoding). */
export const DAVE_SUBSTRATE = '5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy';
export const EVE_SUBSTRATE = '5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw';

/** ed25519 //Alice (subkey --scheme ed25519). */
export const ALICE_ED25519_SUBSTRATE = '5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu';
/** ecdsa //Alice: SS58 of blake2-256 of the compressed public key. */
export const ALICE_ECDSA_SUBSTRATE = '5C7C2Z5sWbytvHpuLTvzKunnnRwQxft1jiqrLD5rhucQ5S9X';
/** ethereum m/44'/60'/0'/0/0 of the dev phrase: Moonbeam's "Alith". */
export const ALITH = '0xf24FF3a9CF04c71Dbc94D0b566f7A27B94566cac';
export const ETHEREUM_PATH = "m/44'/60'/0'/0/0";

/** The EIP-55 specification's example address, and the same address with one letter's case wrong. */
export const EIP55_ADDRESS = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
export const EIP55_WRONG_CASE = '0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
