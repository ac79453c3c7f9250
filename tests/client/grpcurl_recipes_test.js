// Runs every grpcurl recipe of docs/grpcurl.md against a live attache-server,
// doing what grpcurl does with them through server reflection and
// @grpc/grpc-js: `list`, `describe`, and calls whose request bodies are the
// recipes' JSON (`-d '…'` or `-d @` with a heredoc). Recipes with `-proto`
// load that file instead of asking reflection, as grpcurl does.
//
// Usage: node grpcurl_recipes_test.js SERVER_BINARY SOURCE_DIR
'use strict';

const assert = require('node:assert/strict');
const childProcess = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { GrpcReflection } = require('grpc-js-reflection-client');

const [serverBinary, sourceDir] = process.argv.slice(2);
const DOC_TARGET = 'localhost:50051';
const LOADER_OPTIONS = { keepCase: true, longs: String, enums: String, oneofs: true };

// Starts attache-server on a free port; resolves with {server, target} once
// its "serving" log line names the port.
function startServer() {
  const server = childProcess.spawn(
    serverBinary, ['--listen=127.0.0.1:0', '--metrics_listen=', '--store_url=', '--workers=2'],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`no port in: ${log}`)), 60000);
    server.stderr.on('data', (chunk) => {
      log += chunk;
      const match = /event=serving port=(\d+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve({ server, target: `127.0.0.1:${match[1]}` });
      }
    });
    server.on('exit', (code) => reject(new Error(`server exited ${code}: ${log}`)));
  });
}

// Splits a shell command line into words (single quotes, double quotes and
// backslash-newline continuations, as the recipes use them).
function shellWords(line) {
  const words = [];
  const pattern = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const match of line.replace(/\\\n/g, ' ').matchAll(pattern)) {
    words.push(match[1] ?? match[2] ?? match[3]);
  }
  return words;
}

// The recipes: each grpcurl command of a ```sh block, with its heredoc.
function parseRecipes(markdown) {
  const recipes = [];
  for (const block of markdown.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const lines = block[1].split('\n');
    for (let i = 0; i < lines.length; ++i) {
      if (!lines[i].startsWith('grpcurl ')) continue;
      let command = lines[i];
      let stdin = null;
      const heredoc = /<<'(\w+)'\s*$/.exec(command);
      if (heredoc) {
        command = command.slice(0, heredoc.index);
        const end = lines.indexOf(heredoc[1], i + 1);
        assert.notEqual(end, -1, `unterminated heredoc in: ${command}`);
        stdin = lines.slice(i + 1, end).join('\n');
        i = end;
      }
      recipes.push(parseCommand(command, stdin));
    }
  }
  return recipes;
}

function parseCommand(command, stdin) {
  const words = shellWords(command).slice(1);
  const recipe = { command, importPaths: [], protos: [], data: null, rest: [] };
  for (let i = 0; i < words.length; ++i) {
    const word = words[i];
    if (word === '-plaintext') continue;
    if (word === '-import-path') recipe.importPaths.push(words[++i]);
    else if (word === '-proto') recipe.protos.push(words[++i]);
    else if (word === '-d') recipe.data = words[++i] === '@' ? stdin : words[i];
    else if (word.startsWith('-')) throw new Error(`unknown grpcurl flag ${word}`);
    else recipe.rest.push(word);
  }
  const [target, verb, argument] = recipe.rest;
  assert.equal(target, DOC_TARGET, `recipe target: ${command}`);
  if (verb === 'list' || verb === 'describe') {
    recipe.verb = verb;
    recipe.symbol = argument;
  } else {
    recipe.verb = 'call';
    recipe.method = verb;
  }
  return recipe;
}

// The JSON objects of a request body, in order (grpcurl's -d takes several,
// separated by white space).
function jsonMessages(text) {
  const messages = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (inString) {
      if (c === '\\') ++i;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && --depth === 0) {
      messages.push(JSON.parse(text.slice(start, i + 1)));
    }
  }
  return messages;
}

function camelCase(name) {
  return name.replace(/_(\w)/g, (_, c) => c.toUpperCase());
}

// Proto JSON to the plain object protobufjs encodes: Timestamp and Duration
// strings become {seconds, nanos}; field names, camelCase or original in the
// JSON, become the original ones (the loader keeps their case).
function fromProtoJson(type, json) {
  const object = {};
  for (const [key, value] of Object.entries(json)) {
    const field = Object.values(type.fields).find(
      (f) => camelCase(f.name) === camelCase(key));
    assert.ok(field, `${type.fullName} has no field ${key}`);
    field.resolve();
    const fieldType = field.resolvedType;
    if (fieldType?.fullName === '.google.protobuf.Timestamp') {
      const millis = Date.parse(value);
      assert.ok(!Number.isNaN(millis), `bad timestamp ${value}`);
      object[field.name] = { seconds: String(Math.floor(millis / 1000)), nanos: (millis % 1000) * 1e6 };
    } else if (fieldType?.fullName === '.google.protobuf.Duration') {
      const seconds = Number.parseFloat(value);
      object[field.name] = { seconds: String(Math.trunc(seconds)), nanos: Math.round((seconds % 1) * 1e9) };
    } else if (fieldType?.fields && Array.isArray(value)) {
      object[field.name] = value.map((element) => fromProtoJson(fieldType, element));
    } else if (fieldType?.fields && value !== null && typeof value === 'object') {
      object[field.name] = fromProtoJson(fieldType, value);
    } else {
      object[field.name] = value;
    }
  }
  return object;
}

// Calls `method` ("pkg.Service/Method") with the recipe's messages; resolves
// with the responses once the call ended with OK.
async function call(recipe, target, reflection) {
  const [serviceName, methodName] = recipe.method.split('/');
  let definition;
  let root = null;
  if (recipe.protos.length > 0) {
    const includeDirs = recipe.importPaths.map((dir) => path.join(sourceDir, dir));
    definition = protoLoader.loadSync(recipe.protos, { ...LOADER_OPTIONS, includeDirs });
  } else {
    const descriptor = await reflection.getDescriptorBySymbol(serviceName);
    definition = descriptor.getPackageDefinition(LOADER_OPTIONS);
    root = descriptor.getProtobufJsRoot();
  }
  const Service = grpc.loadPackageDefinition(definition);
  const ClientClass = serviceName.split('.').reduce((node, part) => node[part], Service);
  assert.ok(ClientClass, `no service ${serviceName}`);
  const method = ClientClass.service[methodName];
  assert.ok(method, `no method ${recipe.method}`);
  // Bodies of recipes with -proto are plain JSON; the others may hold
  // timestamps, which need the message types from reflection.
  const inputType = root
    ? root.lookupService(serviceName).methods[methodName].resolve().resolvedRequestType
    : null;
  const messages = jsonMessages(recipe.data ?? '{}').map(
    (json) => (inputType ? fromProtoJson(inputType, json) : json));
  const client = new ClientClass(target, grpc.credentials.createInsecure());
  const deadline = new Date(Date.now() + 30000);
  try {
    return await new Promise((resolve, reject) => {
      const responses = [];
      const onError = (error) => reject(new Error(`${recipe.command}: ${error.message}`));
      if (!method.requestStream && !method.responseStream) {
        assert.equal(messages.length, 1);
        client[methodName](messages[0], { deadline }, (error, response) =>
          (error ? onError(error) : resolve([response])));
        return;
      }
      const stream = method.requestStream
        ? client[methodName]({ deadline }) : client[methodName](messages[0], { deadline });
      stream.on('data', (response) => responses.push(response));
      stream.on('error', onError);
      stream.on('status', (status) => {
        if (status.code === grpc.status.OK) resolve(responses);
      });
      if (method.requestStream) {
        for (const message of messages) stream.write(message);
        stream.end();
      }
    });
  } finally {
    client.close();
  }
}

// What each recipe must show.
const CHECKS = {
  'attache.v1.ExtractionService/ExtractContacts': (requests, responses) => {
    assert.ok(responses.length >= 2, 'a contact and the summary');
    const { summary } = responses.at(-1);
    assert.ok(summary, 'the summary comes last');
    assert.equal(summary.article_id, requests[0].article.id);
    assert.equal(summary.contact_count, responses.length - 1);
    assert.ok(responses.slice(0, -1).every((r) => r.contact), 'contacts first');
  },
  'attache.v1.ExtractionService/StreamExtract': (requests, responses) => {
    // A batch request carries `articles` and is answered with `results`.
    const articles = requests.flatMap((r) => [...(r.article ? [r.article] : []),
      ...(r.articles ?? [])]);
    const results = responses.flatMap((r) => ((r.results ?? []).length > 0 ? r.results : [r]));
    assert.deepEqual(results.map((r) => r.article_id).sort(),
      articles.map((a) => a.id).sort());
    for (const result of results) {
      const article = articles.find((a) => a.id === result.article_id);
      assert.equal(Boolean(result.error), article.body === '',
        `only the empty article fails: ${JSON.stringify(result)}`);
    }
    assert.ok(results.some((r) => (r.contacts ?? []).length > 0), 'some contacts');
  },
  'attache.v1.AdminService/GetServerInfo': (requests, responses) => {
    assert.ok(responses[0].server_version, 'a server version');
    assert.ok(responses[0].knowledge_base.person_count > 0, 'people in the KB');
  },
  'grpc.health.v1.Health/Check': (requests, responses) => {
    assert.equal(responses[0].status, 'SERVING');
  },
};

async function runRecipe(recipe, target, reflection) {
  if (recipe.verb === 'list') {
    if (recipe.symbol === undefined) {
      const services = await reflection.listServices();
      for (const name of ['attache.v1.ExtractionService', 'attache.v1.AdminService',
        'grpc.health.v1.Health']) {
        assert.ok(services.includes(name), `${name} in ${services}`);
      }
    } else {
      const methods = await reflection.listMethods(recipe.symbol);
      assert.ok(methods.length > 0, `methods of ${recipe.symbol}`);
    }
    return;
  }
  if (recipe.verb === 'describe') {
    const descriptor = await reflection.getDescriptorBySymbol(recipe.symbol);
    assert.ok(descriptor.getProtobufJsRoot().lookup(recipe.symbol),
      `${recipe.symbol} described`);
    return;
  }
  const check = CHECKS[recipe.method];
  assert.ok(check, `no check for ${recipe.method}`);
  const responses = await call(recipe, target, reflection);
  check(jsonMessages(recipe.data ?? '{}'), responses);
}

async function main() {
  const markdown = fs.readFileSync(path.join(sourceDir, 'docs/grpcurl.md'), 'utf8');
  const recipes = parseRecipes(markdown);
  const covered = new Set(recipes.map((r) => r.method ?? r.verb));
  for (const needed of ['list', 'describe', ...Object.keys(CHECKS)]) {
    assert.ok(covered.has(needed), `docs/grpcurl.md has no recipe for ${needed}`);
  }
  const { server, target } = await startServer();
  const reflection = new GrpcReflection(target, grpc.credentials.createInsecure());
  let failures = 0;
  try {
    for (const recipe of recipes) {
      try {
        await runRecipe(recipe, target, reflection);
        console.log(`ok    ${recipe.command}`);
      } catch (error) {
        ++failures;
        console.log(`FAIL  ${recipe.command}\n      ${error.stack}`);
      }
    }
  } finally {
    server.kill('SIGTERM');
  }
  console.log(`${recipes.length - failures}/${recipes.length} recipes ok`);
  process.exitCode = failures === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
