/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "1": mock mode, the server's own app answers every endpoint and the live feed in the tab. */
  readonly VITE_MOCKS?: string;
}

/** Mock mode's starting database: the URL of a migrated, empty PGlite data folder (gzip). */
declare module 'virtual:roster-mock-database' {
  const url: string;
  export default url;
}
