import { GROUP_KIND_LABEL } from '../canvas/groupFrames.ts';
import { useMemo, useState, useId } from 'react';
import {
  SUBNET_TIERS,
  allowedConnectionKinds,
  cidrIssues,
  connectionPropertySchema,
  findAcceptedConnection,
  resolveConnectionProperties,
  type Connection,
  explicitSubnetCidrs,
  getService,
  hasExplicitSubnetCidrs,
  isProductionEnvironment,
  orderedTiers,
  parseCidr,
  planSubnets,
  resolveProperties,
  validateProperties,
  type CidrIssue,
  type Design,
  RegionSchema,
  type DesignNode,
  type PropertyDefinition,
  type PropertyValue,
  type ServiceDefinition,
  type SubnetTier,
  type Vpc,
} from '@archgen/model';
import { useApp, useAppStore } from '../store/context.tsx';
import { connectionIndex, nodeIndex, vpcIndex } from '../store/selectors.ts';
import { useDeferredFindings } from './deferredFindings.ts';
import * as cmd from '../commands/designCommands.ts';
import { MAX_AZS, MIN_AZS } from '../store/designOps.ts';
import { tierLabel, zoneNames, zonesOf } from '@archgen/layout';
import { KIND_LABELS, connectionMeaning } from '../canvas/labels.ts';
import { ServiceIcon } from '../icons/ServiceIcon.tsx';
import { PropertyField } from './PropertyField.tsx';
import { ListEditor } from './ListEditor.tsx';
import { FindingItem } from './Problems.tsx';
import { NotesSection } from '../review/notes.tsx';

/** The right sidebar's inspector: what is selected, as a typed form from the catalog. */
export function Inspector() {
  const selection = useApp((s) => s.selection);
  const count = selection.nodeIds.length + selection.connectionIds.length + selection.vpcIds.length;
  let body;
  if (count === 0) body = <DesignInspector />;
  else if (count > 1) body = <MultiInspector count={count} />;
  else if (selection.nodeIds[0])
    body = <NodeInspector key={selection.nodeIds[0]} id={selection.nodeIds[0]} />;
  else if (selection.connectionIds[0])
    body = <ConnectionInspector key={selection.connectionIds[0]} id={selection.connectionIds[0]} />;
  else body = <VpcInspector key={selection.vpcIds[0]} id={selection.vpcIds[0]!} />;
  return (
    <section className="inspector" role="region" aria-label="Inspector">
      {body}
    </section>
  );
}

function TextField({
  label,
  value,
  onCommit,
  validate,
  multiline,
  placeholder,
  className,
}: {
  label: string;
  value: string;
  onCommit(value: string): void;
  validate?(value: string): string | null;
  multiline?: boolean;
  placeholder?: string;
  className?: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onChange = (text: string) => {
    setDraft(text);
    const message = validate?.(text) ?? null;
    setError(message);
    if (message === null) onCommit(text);
  };
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {multiline ? (
        <textarea
          id={id}
          rows={3}
          value={draft ?? value}
          onChange={(e) => onChange(e.target.value)}
          onBlur={() => setDraft(null)}
        />
      ) : (
        <input
          id={id}
          type="text"
          spellCheck={false}
          value={draft ?? value}
          placeholder={placeholder}
          aria-invalid={Boolean(error)}
          onChange={(e) => onChange(e.target.value)}
          onBlur={() => {
            setDraft(null);
            setError(null);
          }}
        />
      )}
      {error && (
        <div className="field__error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

const requireName = (max: number) => (v: string) =>
  v.trim().length === 0
    ? 'Name must not be empty'
    : v.length > max
      ? `Name must be at most ${max} characters`
      : null;

function EnvironmentSwitcher() {
  const store = useAppStore();
  const environments = useApp((s) => s.design.environments);
  const current = useApp((s) => s.inspectorEnv);
  const active = current && environments.some((e) => e.name === current) ? current : null;
  const options: (string | null)[] = [null, ...environments.map((e) => e.name)];
  return (
    <div className="segmented" role="radiogroup" aria-label="Environment">
      {options.map((env) => (
        <button
          key={env ?? 'base'}
          type="button"
          role="radio"
          aria-checked={active === env}
          className={`segmented__option${active === env ? ' is-active' : ''}`}
          onClick={() => store.getState().setInspectorEnv(env)}
        >
          {env ?? 'Base'}
        </button>
      ))}
    </div>
  );
}

function isVisible(def: PropertyDefinition, props: Record<string, PropertyValue>): boolean {
  if (!def.visibleWhen) return true;
  const actual = props[def.visibleWhen.key];
  const wanted = def.visibleWhen.equals;
  return Array.isArray(wanted) ? wanted.includes(actual as PropertyValue) : actual === wanted;
}

function issuesFor(key: string, issues: readonly { path: string; message: string }[]): string | null {
  const own = issues.find(
    (i) => i.path === key || i.path.startsWith(`${key}[`) || i.path.startsWith(`${key}.`),
  );
  return own ? own.message : null;
}

/** Which group the node is drawn in (an imported module or construct); nothing when none. */
function GroupField({ node, design }: { node: DesignNode; design: Design }) {
  const group = node.group === undefined ? undefined : design.groups?.find((g) => g.id === node.group);
  if (!group) return null;
  return (
    <div className="field" role="group" aria-label="Group">
      <div className="field__label">Group</div>
      <div className="inspector__group">
        <span className="inspector__group-name">{group.name}</span> · {GROUP_KIND_LABEL[group.kind]}
      </div>
      {group.source && <div className="field__help">Source: {group.source}</div>}
      {group.kind === 'terraform-module' && (
        <div className="field__help">
          Exports write the module's resources flat, without the module block.
        </div>
      )}
    </div>
  );
}

function placementValue(node: DesignNode): string {
  return node.placement ? `${node.placement.vpcId}/${node.placement.tier}` : 'regional';
}

function PlacementField({
  node,
  service,
  design,
}: {
  node: DesignNode;
  service: ServiceDefinition | undefined;
  design: Design;
}) {
  const store = useAppStore();
  const id = useId();
  const allowed = service?.placements ?? [];
  const current = placementValue(node);
  const options = [
    { value: 'regional', label: 'Regional (no VPC)' },
    ...design.vpcs.flatMap((v) =>
      SUBNET_TIERS.filter((t) => v.tiers.includes(t)).map((t) => ({
        value: `${v.id}/${t}`,
        label: `${v.name} · ${tierLabel(t)}`,
      })),
    ),
  ];
  const recommended = allowed[0];
  const zones = zonesOf(design, node);
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        Placement
      </label>
      <select
        id={id}
        value={current}
        onChange={(e) => {
          const value = e.target.value;
          if (value === 'regional') return cmd.placeNode(store, node.id, null);
          const [vpcId, tier] = value.split('/') as [string, SubnetTier];
          cmd.placeNode(store, node.id, { vpcId, tier });
        }}
      >
        {!options.some((o) => o.value === current) && <option value={current}>{current} (missing)</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {service && (
        <div className="field__help">
          Allowed:{' '}
          {allowed.map((p) => (p === 'regional' ? 'regional' : tierLabel(p).toLowerCase())).join(', ')}
          {recommended
            ? ` (recommended: ${recommended === 'regional' ? 'regional' : tierLabel(recommended).toLowerCase()})`
            : ''}
        </div>
      )}
      {zones.length > 0 && (
        <div className="field__help">Availability zones: {zones.join(', ')} (a subnet in each)</div>
      )}
    </div>
  );
}

function NodeInspector({ id }: { id: string }) {
  const store = useAppStore();
  const node = useApp((s) => nodeIndex(s.design).get(id));
  const design = useApp((s) => s.design);
  const env = useApp((s) => s.inspectorEnv);
  const findings = useDeferredFindings();
  const activeEnv = env && design.environments.some((e) => e.name === env) ? env : null;
  const service = node ? getService(node.type) : undefined;
  const resolved = useMemo(
    () => (node ? resolveProperties(design, node, activeEnv ?? undefined) : {}),
    [design, node, activeEnv],
  );
  const committedIssues = useMemo(
    () => (service ? validateProperties(service, resolved) : []),
    [service, resolved],
  );
  if (!node) return <p className="empty">This node no longer exists.</p>;
  const overrides = activeEnv
    ? (design.environments.find((e) => e.name === activeEnv)?.overrides[node.id] ?? {})
    : {};
  const nodeFindings = findings.filter((f) => f.target.id === node.id);

  const check = (key: string) => (value: PropertyValue) =>
    service ? issuesFor(key, validateProperties(service, { ...resolved, [key]: value })) : null;
  const commit = (key: string) => (value: PropertyValue) =>
    cmd.setProperty(store, node.id, key, value, activeEnv);
  const resetFor = (key: string) => {
    if (activeEnv)
      return key in overrides ? () => cmd.setProperty(store, node.id, key, undefined, activeEnv) : undefined;
    return key in node.properties ? () => cmd.setProperty(store, node.id, key, undefined, null) : undefined;
  };

  return (
    <div className="inspector__body">
      <header className="inspector__header">
        <ServiceIcon type={node.type} size={36} />
        <div>
          <div className="inspector__title">{node.name}</div>
          <div className="inspector__subtitle">
            {service?.displayName ?? `Unknown service "${node.type}"`}
          </div>
        </div>
      </header>
      {service && <p className="inspector__description">{service.description}</p>}
      <TextField
        label="Name"
        value={node.name}
        validate={requireName(128)}
        onCommit={(v) => cmd.renameNode(store, node.id, v)}
      />
      <PlacementField node={node} service={service} design={design} />
      <GroupField node={node} design={design} />
      <NotesSection targetId={node.id} />
      {nodeFindings.length > 0 && (
        <div className="inspector__findings" role="group" aria-label="Problems with this node">
          <h3 className="inspector__section">Problems</h3>
          <ul className="finding-list">
            {nodeFindings.map((f, i) => (
              <FindingItem key={`${f.ruleId}-${f.environment ?? ''}-${i}`} finding={f} showTarget={false} />
            ))}
          </ul>
        </div>
      )}
      {service && service.properties.length > 0 && (
        <>
          <div className="inspector__section-row">
            <h3 className="inspector__section">Properties</h3>
            <EnvironmentSwitcher />
          </div>
          {activeEnv && (
            <p className="inspector__note">
              Editing <strong>{activeEnv}</strong>: changes are stored as overrides for this environment only.
            </p>
          )}
          <div className="inspector__form" key={activeEnv ?? 'base'}>
            {service.properties
              .filter((def) => isVisible(def, resolved))
              .filter((def) => !(activeEnv && def.sameInEveryEnvironment))
              .map((def) => {
                const overridden = activeEnv !== null && def.key in overrides;
                const value = resolved[def.key] ?? def.default;
                const reset = resetFor(def.key);
                if (def.kind === 'list')
                  return (
                    <ListEditor
                      key={def.key}
                      def={def}
                      value={value}
                      check={check(def.key)}
                      commit={commit(def.key)}
                      {...(overridden ? { marker: 'overridden' } : {})}
                      {...(reset ? { onReset: reset } : {})}
                    />
                  );
                return (
                  <PropertyField
                    key={def.key}
                    def={def}
                    value={value}
                    check={check(def.key)}
                    commit={commit(def.key)}
                    {...(overridden ? { marker: 'overridden' } : {})}
                    {...(reset ? { onReset: reset, resetLabel: `Reset ${def.label}` } : {})}
                    {...(issuesFor(def.key, committedIssues)
                      ? { issue: issuesFor(def.key, committedIssues)! }
                      : {})}
                  />
                );
              })}
          </div>
        </>
      )}
    </div>
  );
}

function ConnectionInspector({ id }: { id: string }) {
  const store = useAppStore();
  const connection = useApp((s) => connectionIndex(s.design).get(id));
  const from = useApp((s) => (connection ? nodeIndex(s.design).get(connection.from) : undefined));
  const to = useApp((s) => (connection ? nodeIndex(s.design).get(connection.to) : undefined));
  const kindId = useId();
  const protocolId = useId();
  const portId = useId();
  const [portDraft, setPortDraft] = useState<string | null>(null);
  if (!connection || !from || !to) return <p className="empty">This connection no longer exists.</p>;
  const kinds = allowedConnectionKinds(from.type, to.type);
  if (!kinds.includes(connection.kind)) kinds.unshift(connection.kind);
  const listener = getService(to.type)?.listener;
  const portValue = portDraft ?? String(connection.port ?? listener?.port ?? '');
  const port = Number(portDraft);
  const portError =
    portDraft !== null && (!Number.isInteger(port) || port < 1 || port > 65535)
      ? 'Port must be a whole number from 1 to 65535'
      : null;
  return (
    <div className="inspector__body">
      <header className="inspector__header">
        <div>
          <div className="inspector__title">
            {from.name} → {to.name}
          </div>
          <div className="inspector__subtitle">{connectionMeaning(from.type, to.type, connection.kind)}</div>
        </div>
      </header>
      <div className="field">
        <label htmlFor={kindId} className="field__label">
          Kind
        </label>
        <select
          id={kindId}
          value={connection.kind}
          onChange={(e) => {
            const kind = e.target.value as typeof connection.kind;
            const patch =
              kind === 'traffic'
                ? {
                    kind,
                    port: connection.port ?? listener?.port,
                    protocol: connection.protocol ?? listener?.protocol,
                  }
                : { kind, port: undefined, protocol: undefined };
            cmd.updateConnection(store, id, patch);
          }}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]} — {connectionMeaning(from.type, to.type, k)}
            </option>
          ))}
        </select>
      </div>
      {connection.kind === 'traffic' && (
        <>
          <div className={`field${portError ? ' field--invalid' : ''}`}>
            <label htmlFor={portId} className="field__label">
              Port
            </label>
            <input
              id={portId}
              type="number"
              min={1}
              max={65535}
              value={portValue}
              aria-invalid={Boolean(portError)}
              onChange={(e) => {
                const text = e.target.value;
                setPortDraft(text);
                const n = Number(text);
                if (text.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= 65535)
                  cmd.updateConnection(store, id, { port: n });
              }}
              onBlur={() => setPortDraft(null)}
            />
            {portError && (
              <div className="field__error" role="alert">
                {portError}
              </div>
            )}
          </div>
          <div className="field">
            <label htmlFor={protocolId} className="field__label">
              Protocol
            </label>
            <select
              id={protocolId}
              value={connection.protocol ?? listener?.protocol ?? 'tcp'}
              onChange={(e) =>
                cmd.updateConnection(store, id, { protocol: e.target.value as 'tcp' | 'http' | 'https' })
              }
            >
              <option value="https">HTTPS</option>
              <option value="http">HTTP</option>
              <option value="tcp">TCP</option>
            </select>
          </div>
        </>
      )}
      <ConnectionSettings connection={connection} fromType={from.type} toType={to.type} />
      <TextField
        label="Label"
        value={connection.label ?? ''}
        validate={(v) => (v.length > 256 ? 'Label must be at most 256 characters' : null)}
        onCommit={(v) => cmd.updateConnection(store, id, { label: v === '' ? undefined : v })}
      />
      <NotesSection targetId={id} />
      <div className="inspector__actions">
        <button
          type="button"
          className="btn btn--danger"
          onClick={() =>
            cmd.removeElements(store, { nodeIds: [], vpcIds: [], connectionIds: [id] }, 'Delete connection')
          }
        >
          Delete connection
        </button>
      </div>
    </div>
  );
}

/** The connection's own settings from the catalog (an event source's batching), if it has any. */
function ConnectionSettings({
  connection,
  fromType,
  toType,
}: {
  connection: Connection;
  fromType: string;
  toType: string;
}) {
  const store = useAppStore();
  const design = useApp((s) => s.design);
  const accepted = findAcceptedConnection(fromType, toType, connection.kind);
  if (!accepted?.properties?.length) return null;
  const schema = connectionPropertySchema(accepted, fromType, toType);
  const resolved = resolveConnectionProperties(design, connection);
  const committedIssues = validateProperties(schema, resolved);
  const own = connection.properties ?? {};
  return (
    <>
      <h3 className="inspector__section">Settings</h3>
      <p className="inspector__note">The same in every environment.</p>
      <div className="inspector__form">
        {accepted.properties.map((def) => {
          const issue = issuesFor(def.key, committedIssues);
          return (
            <PropertyField
              key={def.key}
              def={def}
              value={resolved[def.key] ?? def.default}
              check={(value) =>
                issuesFor(def.key, validateProperties(schema, { ...resolved, [def.key]: value }))
              }
              commit={(value) => cmd.setConnectionProperty(store, connection.id, def.key, value)}
              {...(def.key in own
                ? {
                    onReset: () => cmd.setConnectionProperty(store, connection.id, def.key, undefined),
                    resetLabel: `Reset ${def.label}`,
                  }
                : {})}
              {...(issue ? { issue } : {})}
            />
          );
        })}
      </div>
    </>
  );
}

const CIDR_PATTERN = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;

/** Plan problems about the subnets as a whole, shown under them (NET-07 has them all). */
const PLAN_ISSUES: ReadonlySet<CidrIssue['code']> = new Set([
  'invalid-cidr',
  'subnet-prefix-out-of-range',
  'subnets-do-not-fit',
]);

/**
 * Each tier's subnets, one per AZ: automatic ones as carved, explicit ones as inputs. A tier
 * switches between the two; explicit inputs start from the CIDRs the tier had, and problems
 * (a CIDR outside the VPC, two that overlap) show under the subnet they are about.
 */
function SubnetPlan({ vpc, region }: { vpc: Vpc; region: string }) {
  const plan = useMemo(() => planSubnets(vpc), [vpc]);
  const issues = useMemo(() => cidrIssues(vpc), [vpc]);
  const zones = zoneNames(region, vpc.azCount);
  return (
    <div className="subnet-plan">
      {orderedTiers(vpc).map((tier) => (
        <SubnetTierEditor
          key={tier}
          vpc={vpc}
          tier={tier}
          zones={zones}
          cidrs={zones.map((_, az) => plan.find((s) => s.tier === tier && s.azIndex === az)?.cidr)}
          issues={issues.filter((i) => i.subnet?.tier === tier)}
        />
      ))}
      {issues
        .filter((i) => PLAN_ISSUES.has(i.code))
        .map((i) => (
          <p key={i.message} className="field__error">
            {i.message}
          </p>
        ))}
    </div>
  );
}

function SubnetTierEditor({
  vpc,
  tier,
  zones,
  cidrs,
  issues,
}: {
  vpc: Vpc;
  tier: SubnetTier;
  zones: readonly string[];
  /** The planned CIDR per AZ; undefined where an automatic subnet does not fit. */
  cidrs: readonly (string | undefined)[];
  issues: readonly CidrIssue[];
}) {
  const store = useAppStore();
  const headingId = useId();
  const explicit = explicitSubnetCidrs(vpc, tier);
  const label = tierLabel(tier);
  const tierIssue = issues.find((i) => i.subnet?.azIndex === undefined);
  return (
    <div className="subnet-tier" role="group" aria-labelledby={headingId}>
      <div className="subnet-tier__head">
        <span id={headingId} className="subnet-tier__name">
          <span className={`tier-dot tier-dot--${tier}`} aria-hidden="true" />
          {label}s
        </span>
        <select
          aria-label={`${label} CIDRs`}
          value={explicit ? 'explicit' : 'automatic'}
          onChange={(e) =>
            cmd.setSubnetCidrMode(store, vpc.id, tier, e.target.value as 'explicit' | 'automatic')
          }
        >
          <option value="automatic">Automatic /{vpc.subnetPrefix}</option>
          <option value="explicit">Explicit</option>
        </select>
      </div>
      <ul className="subnet-tier__subnets">
        {zones.map((zone, az) =>
          explicit ? (
            <li key={zone}>
              <SubnetCidrInput
                vpcId={vpc.id}
                tier={tier}
                azIndex={az}
                zone={zone}
                value={explicit[az] ?? cidrs[az] ?? ''}
                issue={issues.find((i) => i.subnet?.azIndex === az)}
              />
            </li>
          ) : (
            <li key={zone} className="subnet-tier__subnet">
              <span className="subnet-tier__az">{zone}</span>
              <span className="mono">{cidrs[az] ?? 'does not fit'}</span>
            </li>
          ),
        )}
      </ul>
      {tierIssue && <p className="field__error">{tierIssue.message}</p>}
    </div>
  );
}

/**
 * One explicit subnet's CIDR. Text that is not a CIDR stays a draft with its error; a CIDR is
 * stored at once (so the canvas shows it), and what the address plan says about it shows below.
 */
function SubnetCidrInput({
  vpcId,
  tier,
  azIndex,
  zone,
  value,
  issue,
}: {
  vpcId: string;
  tier: SubnetTier;
  azIndex: number;
  zone: string;
  value: string;
  issue: CidrIssue | undefined;
}) {
  const store = useAppStore();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const syntaxError =
    draft !== null && !parseCidr(draft.trim()) ? 'Enter an IPv4 CIDR like 10.0.1.0/24' : null;
  const error = syntaxError ?? issue?.message ?? null;
  return (
    <div className={`subnet-cidr${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="subnet-tier__az">
        {zone}
      </label>
      <input
        id={id}
        type="text"
        className="mono"
        spellCheck={false}
        autoComplete="off"
        aria-label={`${tierLabel(tier)} CIDR in ${zone}`}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        value={draft ?? value}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          if (parseCidr(text.trim())) cmd.setSubnetCidr(store, vpcId, tier, azIndex, text.trim());
        }}
        onBlur={() => setDraft(null)}
      />
      {error && (
        <p id={`${id}-error`} className="field__error subnet-cidr__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function VpcInspector({ id }: { id: string }) {
  const store = useAppStore();
  const vpc = useApp((s) => vpcIndex(s.design).get(id));
  const region = useApp((s) => s.design.region);
  const azId = useId();
  const prefixId = useId();
  if (!vpc) return <p className="empty">This VPC no longer exists.</p>;
  return (
    <div className="inspector__body">
      <header className="inspector__header">
        <div>
          <div className="inspector__title">VPC {vpc.name}</div>
          <div className="inspector__subtitle mono">{vpc.cidr}</div>
        </div>
      </header>
      <TextField
        label="Name"
        value={vpc.name}
        validate={requireName(128)}
        onCommit={(name) => cmd.updateVpc(store, id, { name }, 'Rename VPC')}
      />
      <TextField
        label="CIDR"
        value={vpc.cidr}
        validate={(v) => (CIDR_PATTERN.test(v) ? null : 'CIDR must be an IPv4 CIDR like 10.0.0.0/16')}
        onCommit={(cidr) => cmd.updateVpc(store, id, { cidr }, 'Change VPC CIDR')}
      />
      <div className="field">
        <label htmlFor={azId} className="field__label">
          Availability zones
        </label>
        <select
          id={azId}
          value={vpc.azCount}
          onChange={(e) => cmd.setAzCount(store, id, Number(e.target.value))}
        >
          {Array.from({ length: MAX_AZS - MIN_AZS + 1 }, (_, i) => MIN_AZS + i).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={prefixId} className="field__label">
          Subnet prefix length
        </label>
        <select
          id={prefixId}
          value={vpc.subnetPrefix}
          onChange={(e) =>
            cmd.updateVpc(store, id, { subnetPrefix: Number(e.target.value) }, 'Change subnet size')
          }
        >
          {Array.from({ length: 13 }, (_, i) => 16 + i).map((n) => (
            <option key={n} value={n}>
              /{n}
            </option>
          ))}
        </select>
        {hasExplicitSubnetCidrs(vpc) && (
          <span className="field__help">Sizes the automatic tiers; explicit CIDRs keep their own.</span>
        )}
      </div>
      <label className="field field--inline">
        <input
          type="checkbox"
          checked={vpc.flowLogs}
          onChange={(e) => cmd.updateVpc(store, id, { flowLogs: e.target.checked }, 'Toggle flow logs')}
        />
        <span className="field__label">Flow logs</span>
      </label>
      <fieldset className="field">
        <legend className="field__label">Subnet tiers</legend>
        {SUBNET_TIERS.map((tier) => (
          <label key={tier} className="field--inline">
            <input
              type="checkbox"
              checked={vpc.tiers.includes(tier)}
              disabled={vpc.tiers.length === 1 && vpc.tiers.includes(tier)}
              onChange={(e) =>
                cmd.setVpcTiers(
                  store,
                  id,
                  e.target.checked ? [...vpc.tiers, tier] : vpc.tiers.filter((t) => t !== tier),
                )
              }
            />
            {tierLabel(tier)}
          </label>
        ))}
      </fieldset>
      <h3 className="inspector__section">Subnets</h3>
      <SubnetPlan vpc={vpc} region={region} />
      <div className="inspector__actions">
        <button type="button" className="btn btn--danger" onClick={() => cmd.removeVpc(store, id)}>
          Remove VPC
        </button>
      </div>
    </div>
  );
}

/** The model's own check, so the editor and the file agree on what a region is. */
const isRegion = (text: string) => RegionSchema.safeParse(text).success;

function DesignInspector() {
  const store = useAppStore();
  const design = useApp((s) => s.design);
  return (
    <div className="inspector__body">
      <header className="inspector__header">
        <div>
          <div className="inspector__title">{design.name}</div>
          <div className="inspector__subtitle">
            {design.nodes.length} services · {design.connections.length} connections · {design.vpcs.length}{' '}
            VPC
            {design.vpcs.length === 1 ? '' : 's'}
          </div>
        </div>
      </header>
      <p className="inspector__note">
        Select a service, connection or VPC to edit it. Drag services from the palette.
      </p>
      <TextField
        label="Design name"
        value={design.name}
        validate={requireName(128)}
        onCommit={(name) => cmd.updateDesignMeta(store, { name }, 'Rename design')}
      />
      <TextField
        label="Region"
        value={design.region}
        validate={(v) => (isRegion(v) ? null : 'Region must be an AWS region like us-east-1')}
        onCommit={(region) => cmd.updateDesignMeta(store, { region }, 'Change region')}
      />
      <TextField
        label="Description"
        multiline
        value={design.description}
        onCommit={(description) => cmd.updateDesignMeta(store, { description }, 'Edit description')}
      />
      <h3 className="inspector__section">Environments</h3>
      <ul className="env-list">
        {design.environments.map((e) => (
          <li key={e.name}>
            <span className="chip">{e.name}</span>
            <span className="muted">
              {Object.values(e.overrides).reduce((n, o) => n + Object.keys(o).length, 0)} overrides
            </span>
            <label
              className="check env-list__production"
              title="Production keeps its databases, tables and buckets when its stack is deleted"
            >
              <input
                type="checkbox"
                aria-label={`${e.name} is production`}
                checked={isProductionEnvironment(e)}
                onChange={(event) => cmd.setEnvironmentProduction(store, e.name, event.target.checked)}
              />
              Production
            </label>
            <TextField
              className="env-list__region"
              label={`${e.name} region`}
              value={e.region ?? ''}
              placeholder={`${design.region} (design region)`}
              validate={(v) =>
                v === '' || isRegion(v)
                  ? null
                  : 'Region must be an AWS region like eu-west-1, or empty for the design region'
              }
              onCommit={(region) =>
                cmd.setEnvironmentRegion(store, e.name, region === '' ? undefined : region)
              }
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

function MultiInspector({ count }: { count: number }) {
  return (
    <div className="inspector__body">
      <header className="inspector__header">
        <div className="inspector__title">{count} items selected</div>
      </header>
      <p className="inspector__note">
        Drag to move them together, copy/paste or delete them. Select one item to edit it.
      </p>
    </div>
  );
}
