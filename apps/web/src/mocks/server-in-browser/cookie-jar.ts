/**
 * The session cookie the server sets is httpOnly: a page may not write it to document.cookie, and
 * Node's fetch keeps no cookies at all. The mock handler keeps them instead, in a jar: in the
 * tab it lives in sessionStorage (a reload stays signed in, like a tab), in Node in memory.
 */
export interface CookieJar {
  header(): string;
  store(response: Response): void;
  clear(): void;
}

interface JarStorage {
  read(): Record<string, string>;
  write(cookies: Record<string, string>): void;
}

export function memoryStorage(): JarStorage {
  let cookies: Record<string, string> = {};
  return { read: () => ({ ...cookies }), write: (next) => (cookies = next) };
}

export function sessionStorageOf(key: string): JarStorage {
  return {
    read: () => JSON.parse(sessionStorage.getItem(key) ?? '{}') as Record<string, string>,
    write: (cookies) => sessionStorage.setItem(key, JSON.stringify(cookies)),
  };
}

export function createCookieJar(storage: JarStorage = memoryStorage()): CookieJar {
  return {
    header: () =>
      Object.entries(storage.read())
        .map(([name, value]) => `${name}=${value}`)
        .join('; '),
    store(response) {
      const jar = storage.read();
      for (const line of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = line.split(';');
        const at = pair.indexOf('=');
        const name = pair.slice(0, at).trim();
        const value = pair.slice(at + 1).trim();
        const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
        if (expired || value === '') delete jar[name];
        else jar[name] = value;
      }
      storage.write(jar);
    },
    clear: () => storage.write({}),
  };
}
