/** dynalite ships no types: the one function the tests call. */
declare module 'dynalite' {
  import { Server } from 'http';

  function dynalite(options?: { createTableMs?: number; deleteTableMs?: number; updateTableMs?: number }): Server;
  export = dynalite;
}
