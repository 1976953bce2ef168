import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The import boundaries ARCHITECTURE.md describes are enforced by the linter's rules (biome.json).
 * Each case writes a small file that breaks (or keeps) one boundary into a probe folder of the tree,
 * lints it with the project's own configuration, and checks the verdict, so a rule that stops
 * matching fails here instead of silently letting the layers blur.
 */
const probe = `layer-probe-${process.pid}`;
const written: string[] = [];

function writeProbe(relative: string, text: string): string {
  const file = relative.replaceAll('PROBE', probe);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  written.push(file);
  return file;
}

afterAll(() => {
  for (const dir of ['src/server/features', 'src/web/features', 'src/web/app'].map((d) => path.join(d, probe))) {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const file of written) rmSync(file, { force: true });
});

async function restrictedImports(file: string): Promise<string[]> {
  const biome = path.join('node_modules', '.bin', 'biome');
  const output = await promisify(execFile)(biome, ['lint', '--reporter=json', file]).then(
    (result) => result.stdout,
    (error: { stdout?: string }) => error.stdout ?? '',
  );
  const report = JSON.parse(output) as { diagnostics: { category: string; description?: string }[] };
  return report.diagnostics.filter((d) => d.category === 'lint/style/noRestrictedImports').map((d) => d.description ?? '');
}

const cases: [string, string, string, boolean][] = [
  [
    'a service importing another feature’s repo',
    'src/server/features/PROBE/a.service.ts',
    "import { selectProject } from '../projects/projects.repo.js';\nexport const a = selectProject;\n",
    true,
  ],
  [
    'a service importing its own repo',
    'src/server/features/PROBE/b.service.ts',
    "import { selectB } from './b.repo.js';\nexport const b = selectB;\n",
    false,
  ],
  [
    'a service importing another feature’s service',
    'src/server/features/PROBE/c.service.ts',
    "import { getProject } from '../projects/projects.service.js';\nexport const c = getProject;\n",
    false,
  ],
  ['a service writing SQL', 'src/server/features/PROBE/d.service.ts', "import { sql } from 'drizzle-orm';\nexport const d = sql;\n", true],
  [
    'a service importing a table',
    'src/server/features/PROBE/e.service.ts',
    "import { clients } from '../../../db/schema/index.js';\nexport const e = clients;\n",
    true,
  ],
  [
    'a repo calling a service',
    'src/server/features/PROBE/f.repo.ts',
    "import { getProject } from '../projects/projects.service.js';\nexport const f = getProject;\n",
    true,
  ],
  [
    'a helper of a feature writing SQL',
    'src/server/features/PROBE/g-helper.ts',
    "import { eq } from 'drizzle-orm';\nexport const g = eq;\n",
    true,
  ],
  [
    'a route calling a repo',
    'src/server/features/PROBE/h.routes.ts',
    "import { selectH } from './h.repo.js';\nexport const h = selectH;\n",
    true,
  ],
  [
    'a web feature reaching into another feature',
    'src/web/features/PROBE/components/i.tsx',
    "import { ClientForm } from '../../clients/components/client-form.js';\nexport const i = ClientForm;\n",
    true,
  ],
  [
    'a web feature using another feature’s index',
    'src/web/features/PROBE/components/j.tsx',
    "import { formatClientName } from '../../clients/index.js';\nexport const j = formatClientName;\n",
    false,
  ],
  [
    'a web feature using the shared components',
    'src/web/features/PROBE/api/k.ts',
    "import { requestApi } from '../../../components/api/request-api.js';\nexport const k = requestApi;\n",
    false,
  ],
  [
    'a page reaching into a feature',
    'src/web/app/PROBE/l.tsx',
    "import { ClientForm } from '../../features/clients/components/client-form.js';\nexport const l = ClientForm;\n",
    true,
  ],
  [
    'shared importing the server',
    'src/shared/PROBE-m.ts',
    "import { buildApp } from '../server/app.js';\nexport const m = buildApp;\n",
    true,
  ],
];

describe('layer rules', () => {
  it.each(cases)('%s', async (_label, file, text, refused) => {
    const findings = await restrictedImports(writeProbe(file, text));
    expect(findings.length > 0, findings.join('; ')).toBe(refused);
  });
});
