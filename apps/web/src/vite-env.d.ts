/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "1" serves every endpoint and the live feed from MSW mocks. */
  readonly VITE_MOCKS?: string;
}
