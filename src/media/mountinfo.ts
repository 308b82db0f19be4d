/** One line of Linux `/proc/<pid>/mountinfo` (see proc(5)), with its escapes decoded. */
export interface MountInfoEntry {
  /** The directory of the mounted filesystem that is mounted here: `/` unless a bind mount of part of it. */
  root: string;
  mountPoint: string;
  mountOptions: string[];
  filesystem: string;
  source: string;
  superOptions: string[];
}

/**
 * Parses mountinfo text. Fields are separated by single spaces; the optional fields end at a
 * lone `-`. Lines that do not have that shape are skipped rather than trusted.
 */
export function parseMountInfo(text: string): MountInfoEntry[] {
  const entries: MountInfoEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split(' ');
    const separator = fields.indexOf('-', 6);
    if (separator < 0 || fields.length < separator + 4) continue;
    const [, , , root, mountPoint, mountOptions] = fields;
    const [filesystem, source, superOptions] = fields.slice(separator + 1);
    entries.push({
      root: decodeMountInfoField(root!),
      mountPoint: decodeMountInfoField(mountPoint!),
      mountOptions: mountOptions!.split(','),
      filesystem: decodeMountInfoField(filesystem!),
      source: decodeMountInfoField(source!),
      superOptions: superOptions!.split(','),
    });
  }
  return entries;
}

/** The kernel writes space, tab, newline and backslash as three-digit octal escapes (`\040`). */
export function decodeMountInfoField(field: string): string {
  return field.replace(/\\([0-7]{3})/gu, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}

/**
 * udev writes unsafe bytes of a label as `\xHH` in `/dev/disk/by-label` names; the bytes
 * together are UTF-8 (a label `Müll` has its own bytes, `MY STICK` becomes `MY\x20STICK`).
 */
export function decodeUdevName(name: string): string {
  const bytes: number[] = [];
  for (const part of name.split(/(\\x[0-9a-fA-F]{2})/u)) {
    if (/^\\x[0-9a-fA-F]{2}$/u.test(part)) bytes.push(Number.parseInt(part.slice(2), 16));
    else bytes.push(...Buffer.from(part, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
