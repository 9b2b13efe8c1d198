import { findAcceptedConnection, getService, type Connection, type ConnectionKind } from '@archgen/model';

/** Short edge labels; the catalog's longer `meaning` is used in menus and tooltips. */
export const KIND_LABELS: Readonly<Record<ConnectionKind, string>> = {
  traffic: 'traffic',
  invoke: 'invokes',
  'event-source': 'triggers',
  read: 'reads',
  write: 'writes',
  'read-write': 'reads/writes',
  publish: 'publishes',
  subscribe: 'subscribes',
  route: 'routes to',
  'dead-letter': 'dead-letters to',
  notify: 'alarms to',
  'encrypt-with': 'encrypts with',
  protect: 'protects',
  alias: 'names',
  'back-up': 'backs up',
  'validate-in': 'validates in',
  certificate: 'certifies',
};

/** What an edge says: the user's label, else "HTTPS :443" for traffic, else the kind's verb. */
export function connectionLabel(connection: Connection, toType: string | undefined): string {
  if (connection.label) return connection.label;
  if (connection.kind === 'traffic') {
    const listener = toType ? getService(toType)?.listener : undefined;
    const port = connection.port ?? listener?.port;
    const protocol = (connection.protocol ?? listener?.protocol ?? 'tcp').toUpperCase();
    return port ? `${protocol} :${port}` : protocol;
  }
  return KIND_LABELS[connection.kind];
}

export function connectionMeaning(fromType: string, toType: string, kind: ConnectionKind): string {
  return findAcceptedConnection(fromType, toType, kind)?.meaning ?? KIND_LABELS[kind];
}
