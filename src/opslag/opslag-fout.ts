/** A store in DATA_DIR could not read or write (disk full, corrupt file, ...). Maps to 503 with a plain message. */
export class OpslagFout extends Error {
  override readonly name = 'OpslagFout';
}
