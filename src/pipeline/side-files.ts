/**
 * Files that sit next to reports in a folder but are not reports: a README, a manifest or
 * source list, checksums, data tables. A folder's side files are skipped when the folder is
 * read (a file named on its own is still tried).
 */
const SIDE_NAME = /^(?:readme|manifest|sources?|license|licence|changelog)(?:\.[^.]*)?$/i;
const SIDE_EXT = /\.(?:tsv|csv|json|jsonl|ya?ml|toml|sha256|md5|sig|log)$/i;

export function isSideFile(name: string): boolean {
  return SIDE_NAME.test(name) || SIDE_EXT.test(name);
}
