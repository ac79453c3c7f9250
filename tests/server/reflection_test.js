// What grpcurl does, with no .proto files: list the services through server
// reflection, fetch their descriptors, and call both streaming RPCs of
// ExtractionService with JSON input. Run by ctest with `node --test`;
// ATTACHE_SOURCE_DIR locates node_modules and ATTACHE_SERVER the binary.
'use strict';

const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const { createRequire } = require('node:module');
const path = require('node:path');
const { after, before, test } = require('node:test');

const requireModule = createRequire(
  path.join(process.env.ATTACHE_SOURCE_DIR, 'node_modules', 'index.js'));
const grpc = requireModule('@grpc/grpc-js');
const { GrpcReflection } = requireModule('grpc-js-reflection-client');

const article = {
  id: 'node-1',
  title: 'Baerbock and Joly meet in Ottawa',
  body: 'German Foreign Minister Annalena Baerbock met Canadian Foreign ' +
    'Minister Melanie Joly in Ottawa on Monday. Joly later spoke by phone ' +
    'with Australian Foreign Minister Penny Wong.',
  published_time: { seconds: '1688342400', nanos: 0 },
};

let server;
let target;

before(async () => {
  server = spawn(process.env.ATTACHE_SERVER,
    ['--listen=127.0.0.1:0', '--metrics_listen=', '--store_url=', '--workers=2'],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  target = await new Promise((resolve, reject) => {
    let log = '';
    server.stderr.on('data', (chunk) => {
      log += chunk;
      const serving = /event=serving port=(\d+)/.exec(log);
      if (serving) resolve(`127.0.0.1:${serving[1]}`);
    });
    server.on('exit', (code) => reject(new Error(`server exited ${code}: ${log}`)));
  });
});

after(() => server.kill('SIGTERM'));

function reflection() {
  return new GrpcReflection(target, grpc.credentials.createInsecure());
}

async function extractionClient() {
  const descriptor = await reflection().getDescriptorBySymbol(
    'attache.v1.ExtractionService');
  const pkg = descriptor.getPackageObject(
    { keepCase: true, enums: String, longs: String, oneofs: true });
  return new pkg.attache.v1.ExtractionService(
    target, grpc.credentials.createInsecure());
}

function collect(call) {
  return new Promise((resolve, reject) => {
    const messages = [];
    call.on('data', (message) => messages.push(message));
    call.on('error', reject);
    call.on('end', () => resolve(messages));
  });
}

test('lists the services', async () => {
  const services = await reflection().listServices();
  for (const service of ['attache.v1.ExtractionService',
    'attache.v1.AdminService', 'grpc.health.v1.Health']) {
    assert.ok(services.includes(service), `${service} in ${services}`);
  }
  assert.ok(!services.includes('attache.v1.ContactService'),
    'ContactService is not served yet');
});

test('describes the methods of ExtractionService', async () => {
  const methods = await reflection().listMethods('attache.v1.ExtractionService');
  const byName = Object.fromEntries(methods.map((m) => [m.name, m]));
  assert.deepEqual(Object.keys(byName).sort(), ['ExtractContacts', 'StreamExtract']);
  const descriptor = await reflection().getDescriptorBySymbol('attache.v1.Contact');
  const contact = descriptor.getProtobufJsRoot().lookupType('attache.v1.Contact');
  assert.ok(contact.fields.participants, 'Contact.participants is described');
  assert.ok(contact.fields.evidence, 'Contact.evidence is described');
});

test('calls ExtractContacts with JSON input', async () => {
  const client = await extractionClient();
  const messages = await collect(client.ExtractContacts({ article }));
  client.close();
  assert.ok(messages.length >= 2, 'contacts and a summary');
  const summary = messages.at(-1);
  assert.equal(summary.result, 'summary');
  assert.equal(summary.summary.article_id, 'node-1');
  assert.equal(summary.summary.contact_count, messages.length - 1);
  for (const message of messages.slice(0, -1)) {
    assert.equal(message.result, 'contact');
    assert.match(message.contact.kind, /^CONTACT_KIND_/);
    assert.equal(message.contact.article_id, 'node-1');
  }
});

test('calls StreamExtract with JSON input', async () => {
  const client = await extractionClient();
  const call = client.StreamExtract();
  const results = collect(call);
  for (const id of ['n-1', 'n-2', 'n-3']) call.write({ article: { ...article, id } });
  call.write({ article: { id: 'n-empty', body: '' } });
  call.end();
  const byId = Object.fromEntries((await results).map((r) => [r.article_id, r]));
  client.close();
  assert.deepEqual(Object.keys(byId).sort(), ['n-1', 'n-2', 'n-3', 'n-empty']);
  assert.equal(byId['n-empty'].error.code, grpc.status.INVALID_ARGUMENT);
  assert.ok(byId['n-1'].contacts.length > 0);
});
