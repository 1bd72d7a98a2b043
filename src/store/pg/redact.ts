/** The URL without its password (for messages and `store.path`). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '';
    return u.toString().replace(/^(\w+:\/\/[^:@/]*):@/, '$1@');
  } catch {
    return url.replace(/:\/\/([^:@/]*):[^@/]*@/, '://$1@');
  }
}
