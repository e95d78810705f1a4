/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "1": mock mode, the server's own app answers every endpoint and the live feed in the tab. */
  readonly VITE_MOCKS?: string;
}
