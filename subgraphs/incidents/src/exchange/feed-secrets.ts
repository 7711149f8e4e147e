import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataDirFromEnv } from '@cadg/db';
import { productionFromEnv } from '@cadg/platform';
import type { MispFeedHeader } from '@cadg/db/incidents-misp';

/**
 * Header values of MISP feeds (API keys) encrypted at rest: AES-256-GCM (node:crypto; no library
 * needed for one authenticated cipher) with a key from EXCHANGE_SECRETS_KEY, stored in the
 * existing `headers` column as `v1:<base64 of iv | tag | ciphertext>`. A value without the prefix
 * (a row written before encryption) reads as it is and is encrypted when next written.
 */

const PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_FILE = 'exchange-secrets.key';

export class FeedSecrets {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('EXCHANGE_SECRETS_KEY must hold 32 bytes (base64 or hex).');
    this.#key = key;
  }

  seal(value: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const sealed = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
  }

  /** The value; throws when it was sealed under another key (the message never quotes it). */
  open(stored: string): string {
    if (!stored.startsWith(PREFIX)) return stored;
    const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new Error(
        'A feed header could not be decrypted: EXCHANGE_SECRETS_KEY is not the key it was stored with.',
      );
    }
  }

  sealHeaders(headers: readonly MispFeedHeader[]): MispFeedHeader[] {
    return headers.map((h) => ({ name: h.name, value: this.seal(h.value) }));
  }

  openHeaders(headers: readonly MispFeedHeader[]): MispFeedHeader[] {
    return headers.map((h) => ({ name: h.name, value: this.open(h.value) }));
  }
}

function parseKey(raw: string): Buffer {
  const text = raw.trim();
  return /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
}

/**
 * The key: EXCHANGE_SECRETS_KEY (32 bytes, base64 or hex; the same on every incidents replica),
 * else one generated once and kept in `<DATA_DIR>/exchange-secrets.key` (mode 0600), as the
 * embedded default keeps its development signing keys there.
 */
export async function feedSecretsFromEnv(env: NodeJS.ProcessEnv): Promise<FeedSecrets> {
  const configured = env['EXCHANGE_SECRETS_KEY'];
  if (configured?.trim()) return new FeedSecrets(parseKey(configured));
  if (productionFromEnv(env)) {
    // Not fatal (a single replica works), but replicas with keys of their own cannot read each
    // other's feeds: say so where operators look.
    console.warn(
      '[incidents] EXCHANGE_SECRETS_KEY is not set: MISP feed API keys are encrypted under a key kept in DATA_DIR; give every incidents replica the same EXCHANGE_SECRETS_KEY.',
    );
  }
  const dir = dataDirFromEnv(env);
  const file = join(dir, KEY_FILE);
  await mkdir(dir, { recursive: true });
  // Written whole under a name of its own, then linked into place: a process starting at the
  // same moment never reads a half-written key, and whichever links first wins.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, randomBytes(32).toString('base64'), { mode: 0o600 });
  try {
    await link(draft, file);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
  } finally {
    await unlink(draft);
  }
  return new FeedSecrets(parseKey(await readFile(file, 'utf8')));
}
