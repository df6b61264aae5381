/**
 * Files the program writes hold personal data (IINs, phones, scans, password hashes, staff signing
 * keys, bot chats, certificates): the owner's only, whatever the umask (findings 2026-12-rel M6).
 * Shared by the store adapters and the front-ends that write PDFs and reports into the data dir.
 */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;
