/**
 * The Polkadot (generic) Ledger app, emulated at the APDU level behind the Speculos TCP
 * protocol, so tests drive the real `@ledgerhq/hw-transport-node-speculos` transport and the
 * real `@zondax/ledger-substrate` app against keys derived as the device derives them.
 *
 * Framing, as SpeculosTransport reads and writes it: a request is u32 BE length + APDU; a
 * reply is u32 BE length of the data (status word excluded) + data + status word (u16 BE),
 * written at once, since the transport decodes each `data` event as one whole reply.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { encodeAddress } from '@polkadot/util-crypto/address/encode';
import { hdLedger } from '@polkadot/util-crypto/hd/ledger';

const CLA_POLKADOT = 0xf9;
const CLA_DASHBOARD = 0xb0;
const INS_GET_VERSION = 0x00;
const INS_GET_ADDRESS = 0x01;
const INS_APP_INFO = 0x01;
const P1_SHOW_ADDRESS = 0x01;
const P2_ED25519 = 0x00;

export const SW = {
  OK: 0x9000,
  LOCKED: 0x5515,
  APP_NOT_OPEN: 0x6e01,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
  REJECTED: 0x6986,
  DATA_INVALID: 0x6984,
} as const;

export interface EmulatorBehaviour {
  /** The device's words ("25th word" passphrase apart: hdLedger takes it as a 25th word). */
  mnemonic: string;
  /** Every APDU answered with this status word (a locked device: 0x5515; another app: 0x6e01 …). */
  status?: number;
  /** The person rejects what the device shows. */
  reject?: boolean;
  /** The device never answers (a hung USB device, an app waiting forever). */
  silent?: boolean;
  /** Each answer comes this many milliseconds late (a slow device; a person reading its screen). */
  delayMs?: number;
}

export interface LedgerEmulator {
  /** `speculos://127.0.0.1:PORT` */
  transport: string;
  port: number;
  /** Change how the device behaves from the next APDU on. */
  behave(change: Partial<EmulatorBehaviour>): void;
  /** Paths the device was asked to display (P1 = show), in order. */
  shown: string[];
  /** Every APDU received, hex. */
  apdus: string[];
  close(): Promise<void>;
}

export async function startLedgerEmulator(initial: EmulatorBehaviour): Promise<LedgerEmulator> {
  let behaviour = { ...initial };
  const shown: string[] = [];
  const apdus: string[] = [];
  const sockets = new Set<Socket>();

  const answer = (apdu: Buffer): Buffer | undefined => {
    apdus.push(apdu.toString('hex'));
    if (behaviour.silent) return undefined;
    if (behaviour.status !== undefined) return reply(Buffer.alloc(0), behaviour.status);
    const [cla, ins, p1, p2, lc] = apdu;
    const data = apdu.subarray(5, 5 + (lc ?? 0));
    if (cla === CLA_DASHBOARD && ins === INS_APP_INFO) return reply(appInfo('Polkadot', '100.0.5'), SW.OK);
    if (cla !== CLA_POLKADOT) return reply(Buffer.alloc(0), SW.CLA_NOT_SUPPORTED);
    // test mode 0, version 100.0.5 (one byte each), unlocked, target id of a Nano S Plus.
    if (ins === INS_GET_VERSION) return reply(Buffer.from([0, 100, 0, 5, 0, 0x33, 0x10, 0x00, 0x04]), SW.OK);
    if (ins !== INS_GET_ADDRESS) return reply(Buffer.alloc(0), SW.INS_NOT_SUPPORTED);
    if (p2 !== P2_ED25519 || data.length !== 22) return reply(Buffer.alloc(0), SW.DATA_INVALID);
    const path = decodePath(data.subarray(0, 20));
    const ss58Prefix = data.readUInt16LE(20);
    if (p1 === P1_SHOW_ADDRESS) {
      shown.push(path);
      if (behaviour.reject) return reply(Buffer.alloc(0), SW.REJECTED);
    }
    const { publicKey } = hdLedger(behaviour.mnemonic, path);
    return reply(
      Buffer.concat([Buffer.from(publicKey), Buffer.from(encodeAddress(publicKey, ss58Prefix), 'ascii')]),
      SW.OK,
    );
  };

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= 4 + pending.readUInt32BE(0)) {
        const size = pending.readUInt32BE(0);
        const apdu = pending.subarray(4, 4 + size);
        pending = pending.subarray(4 + size);
        const response = answer(Buffer.from(apdu));
        const send = () => void (response && !socket.destroyed && socket.write(response));
        if (behaviour.delayMs) setTimeout(send, behaviour.delayMs);
        else send();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    transport: `speculos://127.0.0.1:${port}`,
    port,
    behave: (change) => void (behaviour = { ...behaviour, ...change }),
    shown,
    apdus,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function reply(data: Buffer, statusWord: number): Buffer {
  const frame = Buffer.alloc(4 + data.length + 2);
  frame.writeUInt32BE(data.length, 0);
  data.copy(frame, 4);
  frame.writeUInt16BE(statusWord, 4 + data.length);
  return frame;
}

/** Five u32 little-endian levels, as ledger-js serialises a BIP44 path. */
function decodePath(bytes: Buffer): string {
  const levels = Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readUInt32LE(i * 4));
  return `m/${levels.map((n) => (n >= 0x80000000 ? `${n - 0x80000000}'` : String(n))).join('/')}`;
}

/** The dashboard's app info: format 1, name, version, flags. */
function appInfo(name: string, version: string): Buffer {
  return Buffer.concat([
    Buffer.from([1, name.length]),
    Buffer.from(name, 'ascii'),
    Buffer.from([version.length]),
    Buffer.from(version, 'ascii'),
    Buffer.from([1, 0x02]),
  ]);
}
