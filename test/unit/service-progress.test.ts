/**
 * The convergence wait of `service create` (src/progress/) against docker 28.2.2's, on the
 * scripted polls of test/support/service-progress-cases.ts (captured by
 * test/capture/service-progress.mjs into test/golden/service-progress/).
 *
 * - The state machine: each script's polls replayed through serviceProgress() with a clock
 *   that advances 200 ms per sleep, drawn by the jsonmessage renderer. Off a terminal the output
 *   must equal docker's byte for byte (each script has a fixed number of polls; the countdown
 *   scripts rely on docker polling five times a second, as it does). On a terminal docker draws
 *   the updates of one poll in Go map order, so the two are compared as terminals: the same final
 *   screen (its task lines as a multiset) and the same multiset of line writes.
 * - The whole command: a few scripts run through tsw's main() against the scripted daemon
 *   (real timers), comparing stdout, stderr, exit code and the requests made.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { main } from '../../src/cli.ts';
import { type ProgressAPI, serviceProgress } from '../../src/progress/service.ts';
import type { ProgressService, ProgressTask } from '../../src/progress/updaters.ts';
import { ProgressDisplay } from '../../src/render/progress.ts';
import { fakeIO } from '../support/fakeio.ts';
import { goldenPath } from '../support/golden.ts';
import { startFakeDaemon } from '../support/fake-daemon.ts';
import { type ProgressScript, SERVICE_ID, nodesAt, progressRoutes, progressScripts, serviceAt, tasksAt } from '../support/service-progress-cases.ts';
import { renderScreen } from '../support/terminal.ts';

interface Golden {
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
  requests: Array<{ method: string; url: string }>;
}

const dir = goldenPath('service-progress');
const golden = (name: string) => JSON.parse(readFileSync(`${dir}/${name}.json`, 'utf8')) as Golden;

/** The script's polls as the loop's API, with a fake clock that sleeps by moving forward. */
async function replay(script: ProgressScript): Promise<{ stdout: string; stderr: string; code: number }> {
  let poll = -1;
  let now = Date.parse('2026-01-02T03:04:05Z');
  const api: ProgressAPI = {
    inspect: async (ref) => {
      assert.equal(ref, SERVICE_ID);
      poll++;
      return serviceAt(script, poll) as ProgressService;
    },
    tasks: async (id) => {
      assert.equal(id, SERVICE_ID);
      return tasksAt(script, poll) as ProgressTask[];
    },
    activeNodes: async () => new Set(nodesAt(script, poll).filter((n) => n.Status.State !== 'down').map((n) => n.ID)),
  };
  const tty = script.ttyColumns !== undefined;
  const display = new ProgressDisplay({ isTTY: tty, width: script.ttyColumns ?? 200 });
  let stdout = `${SERVICE_ID}\n`;
  const quiet = (script.flags ?? []).includes('-q');
  let stderr = '';
  let code = 0;
  try {
    await serviceProgress(api, SERVICE_ID, (ev) => void (quiet ? undefined : (stdout += display.render(ev))), {
      now: () => new Date(now),
      sleep: async (ms) => {
        now += ms;
      },
    });
  } catch (e) {
    stderr = `${(e as Error).message}\n`;
    code = 1;
  }
  if (tty) return { stdout: (stdout + stderr).replace(/\n/g, '\r\n'), stderr: '', code };
  return { stdout, stderr, code };
}

/**
 * On a terminal: the same final screen and the same writes. Where docker gives a line to each
 * task as it first appears (global modes: one per node), which of several tasks appearing in
 * the same poll gets the upper line is Go map order, so the screen's lines are compared as a
 * multiset after the first two (the service ID and the overall progress line).
 */
function assertSameTerminal(actual: string, expected: string): void {
  const e = renderScreen(expected.replace(/\r\n/g, '\n'));
  const a = renderScreen(actual.replace(/\r\n/g, '\n'));
  assert.deepEqual(a.lines.slice(0, 2), e.lines.slice(0, 2), 'the first lines of the final screen');
  assert.deepEqual([...a.lines.slice(2)].sort(), [...e.lines.slice(2)].sort(), 'the final screen (as a multiset)');
  assert.deepEqual([...a.writes].sort(), [...e.writes].sort(), 'the lines written (as a multiset)');
}

describe('service progress: the wait, replayed poll by poll', () => {
  const names = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
  it('every script has a golden and every golden a script', () => {
    assert.deepEqual(names, Object.keys(progressScripts).sort());
  });
  for (const name of names) {
    const script = progressScripts[name];
    if (!script) continue;
    it(name, async () => {
      const g = golden(name);
      const t = await replay(script);
      assert.equal(t.code, g.code, 'exit code');
      assert.equal(t.stderr, g.stderr, 'stderr');
      if (script.ttyColumns === undefined) assert.equal(t.stdout, g.stdout, 'stdout');
      else assertSameTerminal(t.stdout, g.stdout);
    });
  }
});

describe('service create waits as docker does (whole command, scripted daemon)', () => {
  for (const name of ['replicated-2', 'replicated-2-quiet', 'replicated-errors', 'update-paused', 'no-replica-count', 'global-job']) {
    it(name, async () => {
      const script = progressScripts[name];
      assert.ok(script);
      const g = golden(name);
      const daemon = await startFakeDaemon(progressRoutes(script));
      try {
        const f = fakeIO({ env: { DOCKER_HOST: daemon.host }, now: () => new Date(), uid: 0 });
        const code = await main(g.args, f.io);
        assert.equal(f.stderr(), g.stderr, 'stderr');
        assert.equal(f.stdout(), g.stdout, 'stdout');
        assert.equal(code, g.code, 'exit code');
        assert.deepEqual(
          daemon.requests.map(({ method, url }) => ({ method, url })),
          g.requests,
          'requests',
        );
      } finally {
        await daemon.close();
      }
    });
  }
});
