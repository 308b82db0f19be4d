import { useEffect, useState } from 'react';
import { describeError } from '../../errors.js';
import { accountAddress, prepareAccount, type DeriveRequest } from '../../vault/accounts.js';
import type { VaultData } from '../../vault/model.js';

export type Preview =
  | { state: 'none' }
  | { state: 'working' }
  | { state: 'ready'; address: string; network: string }
  | { state: 'failed'; message: string };

export const PREVIEW_DELAY_MS = 150;

/** The preview belongs to exactly these inputs: a preview of older ones is never shown. */
export const previewKey = (request: DeriveRequest) => JSON.stringify(request);

/**
 * The account `request` would derive, worked out without saving once the inputs have been
 * still for a moment. Only the latest request's answer is ever shown: an earlier one that
 * arrives late is dropped.
 */
export function useDerivePreview(data: VaultData, request: DeriveRequest | undefined): Preview & { key?: string } {
  const key = request && previewKey(request);
  const [latest, setLatest] = useState<{ key: string; preview: Preview }>();
  // The effect follows `key`, not `request`: a new object with the same inputs is the same request.
  useEffect(() => {
    if (!key) return;
    const asked = JSON.parse(key) as DeriveRequest;
    let stale = false;
    const timer = setTimeout(() => {
      prepareAccount(data, asked).then(
        (account) => {
          if (!stale)
            setLatest({ key, preview: { state: 'ready', address: accountAddress(account), network: account.network } });
        },
        (error: unknown) => {
          const { message, hint } = describeError(error);
          if (!stale) setLatest({ key, preview: { state: 'failed', message: hint ? `${message}; ${hint}` : message } });
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [key, data]);
  if (!key) return { state: 'none' };
  return latest?.key === key ? { ...latest.preview, key } : { state: 'working', key };
}
