import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { dockerIntegration, parseComposeFile, runIntegrations } from '../../src/integrations/index.js';
import { ctxWith, roomyBudget, stubBin, tempDir, writeFiles } from './support.js';

const compose = `name: shop
services:
  web:
    image: nginx:1.27
    ports:
      - "8080:80"
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: example
volumes:
  data: {}
`;
// What `docker ps --format '{{.Names}}\t{{.Image}}'` prints.
const ps = 'shop-web-1\tnginx:1.27\nshop-db-1\tpostgres:16\n';

const work = tempDir('docker');
const bin = stubBin(work.dir, { docker: { stdout: ps } });
const broken = stubBin(join(work.dir, 'broken'), { docker: { stdout: '', status: 1 } });
const slow = join(work.dir, 'slow', 'bin');
writeFiles(work.dir, { 'slow/bin/docker': '#!/bin/sh\nsleep 2\n' });
chmodSync(join(slow, 'docker'), 0o755);
writeFiles(work.dir, { 'My Shop/compose.yaml': compose.replace('name: shop\n', ''), 'app/docker-compose.yml': compose, 'plain/x.txt': '', 'docker.sock': '' });
const socket = `unix://${join(work.dir, 'docker.sock')}`;
const ctx = (dir: string, extra: Record<string, string> = {}) => ctxWith(join(work.dir, dir), { PATH: bin, HOME: work.dir, DOCKER_HOST: `unix://${join(work.dir, 'no.sock')}`, ...extra });

describe('docker integration', () => {
  afterAll(() => work.cleanup());

  it('names the compose project and its services from the compose file, without a daemon', async () => {
    expect(await dockerIntegration.context(ctx('app'), roomyBudget())).toEqual({
      'compose project': 'shop (docker-compose.yml; services: web, db)',
      'docker containers': 'unknown (no docker daemon socket)',
    });
  });

  it('defaults the project name to the directory name as compose does, and honours COMPOSE_PROJECT_NAME', async () => {
    expect((await dockerIntegration.context(ctx('My Shop'), roomyBudget()))['compose project']).toBe('myshop (compose.yaml; services: web, db)');
    expect((await dockerIntegration.context(ctx('My Shop', { COMPOSE_PROJECT_NAME: 'x' }), roomyBudget()))['compose project']).toMatch(/^x /);
  });

  it('lists running containers from docker ps when the daemon socket exists', async () => {
    expect(await dockerIntegration.context(ctx('plain', { DOCKER_HOST: socket }), roomyBudget())).toEqual({ 'docker containers': '2 running: shop-web-1 (nginx:1.27), shop-db-1 (postgres:16)' });
  });

  it('says so when docker ps fails', async () => {
    const facts = await dockerIntegration.context(ctxWith(join(work.dir, 'plain'), { PATH: broken, DOCKER_HOST: socket }), roomyBudget());
    expect(facts).toEqual({ 'docker containers': 'unknown (docker ps failed)' });
  });

  it('keeps the compose facts when docker ps does not answer within the budget', async () => {
    const started = performance.now();
    const report = await runIntegrations([dockerIntegration], ctxWith(join(work.dir, 'app'), { PATH: `${slow}:${process.env.PATH ?? ''}`, DOCKER_HOST: socket }), 60);
    expect(performance.now() - started).toBeLessThan(500);
    expect(report.omitted).toEqual([]);
    expect(report.facts).toEqual({ 'compose project': 'shop (docker-compose.yml; services: web, db)', 'docker containers': 'unknown (docker ps did not answer in time)' });
  });

  it('is not relevant when docker is not installed (PATH without it), even with a compose file', async () => {
    expect(await dockerIntegration.detect(ctxWith(join(work.dir, 'app'), { PATH: join(work.dir, 'none'), HOME: work.dir }))).toBe(false);
  });

  it('is relevant with docker and a compose file or a daemon socket, and not otherwise', async () => {
    expect(await dockerIntegration.detect(ctx('app'))).toBe(true);
    expect(await dockerIntegration.detect(ctx('plain'))).toBe(false);
    expect(await dockerIntegration.detect(ctx('plain', { DOCKER_HOST: socket }))).toBe(true);
  });

  it('parses top-level name and services only', () => {
    expect(parseComposeFile(compose)).toEqual({ name: 'shop', services: ['web', 'db'] });
    expect(parseComposeFile('services:\n    api:\n        build: .\n    # worker:\n    worker:\n        image: w\n')).toEqual({ services: ['api', 'worker'] });
  });
});
