#!/usr/bin/env node
// Validates rendered Kubernetes objects, for the deployment tests.
//
//   node validate.js MODULES_DIR OBJECTS_JSON
//
// MODULES_DIR is a node_modules folder holding kubernetes-models 4.x (the tests install it with
// `npm install --prefix <dir> kubernetes-models@4`); OBJECTS_JSON is a JSON array of objects. Prints a
// JSON array with, per object, { index, kind, name, errors: [...] }.
//
// Built-in kinds: the JSON schema of kubernetes-models (types, required fields, enums, formats), plus
// a strict pass the schema lacks: every field name must exist in the model, as `kubectl apply
// --validate=strict` demands (it catches "readinesProbe" and friends). The field lists come from the
// package's TypeScript declarations.
//
// Dapr kinds (Component, Resiliency, Configuration) are not in kubernetes-models: they are checked
// against field lists written from dapr/dapr pkg/apis/*/v1alpha1/types.go, and component metadata
// names against dapr/components-contrib pubsub/<type>/metadata.yaml.
'use strict';

const fs = require('fs');
const path = require('path');

const [modulesDir, input] = process.argv.slice(2);
if (!modulesDir || !input) {
  console.error('usage: node validate.js MODULES_DIR OBJECTS_JSON');
  process.exit(2);
}
const modelsDir = path.join(modulesDir, 'kubernetes-models');

// ---------------------------------------------------------------- built-in kinds

function modelFile(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [null, apiVersion];
  const base = group ? path.join(modelsDir, group, version, kind) : path.join(modelsDir, version, kind);
  return fs.existsSync(base + '.js') ? base : null;
}

const interfaces = new Map(); // d.ts file -> Map(field -> { ref, array, map })

// Reads the first interface of a declaration file: its fields and, for each, the declaration file of
// the field's type when that type is another model (object or array of objects).
function readInterface(dts) {
  if (interfaces.has(dts)) {
    return interfaces.get(dts);
  }
  const fields = new Map();
  interfaces.set(dts, fields); // before parsing: recursive types (JSONSchemaProps) end here
  if (!fs.existsSync(dts)) {
    interfaces.set(dts, null);
    return null;
  }
  const text = fs.readFileSync(dts, 'utf8');
  const imports = new Map();
  for (const match of text.matchAll(/^import \{ (\w+) \} from "([^"]+)";$/gm)) {
    const target = match[2].startsWith('.')
      ? path.join(path.dirname(dts), match[2])
      : path.join(modulesDir, match[2]);
    imports.set(match[1], target + '.d.ts');
  }
  const body = /^export interface \w+(?: extends ([\w, ]+))? \{\n([\s\S]*?)^\}/m.exec(text);
  if (!body) {
    interfaces.set(dts, null);
    return null; // a type alias (IntOrString, Quantity, Time...): a leaf
  }
  if (body[1]?.includes('TypeMeta')) {
    fields.set('apiVersion', { ref: null, array: false, map: false });
    fields.set('kind', { ref: null, array: false, map: false });
  }
  for (const match of body[2].matchAll(/^ {4}"([^"]+)"\??: (.+)$/gm)) {
    const type = match[2].replace(/;$/, '');
    const array = /^Array<(\w+)>$/.exec(type);
    const ref = array ? array[1] : /^(\w+)$/.exec(type)?.[1];
    fields.set(match[1], {
      ref: ref && imports.has(ref) ? imports.get(ref) : null,
      array: Boolean(array),
      map: type.startsWith('{'),
    });
  }
  return fields;
}

function strictFields(value, dts, where, errors) {
  if (value === null || typeof value !== 'object') {
    return;
  }
  const fields = readInterface(dts);
  if (!fields) {
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    const field = fields.get(key);
    if (!field) {
      errors.push(`${where}/${key}: unknown field`);
      continue;
    }
    if (!field.ref || field.map) {
      continue;
    }
    if (field.array && Array.isArray(child)) {
      child.forEach((item, i) => strictFields(item, field.ref, `${where}/${key}/${i}`, errors));
    } else if (!field.array) {
      strictFields(child, field.ref, `${where}/${key}`, errors);
    }
  }
}

function checkBuiltIn(object) {
  const errors = [];
  const file = modelFile(object.apiVersion, object.kind);
  if (!file) {
    return [`no model for ${object.apiVersion} ${object.kind} in kubernetes-models`];
  }
  const Model = require(file)[object.kind];
  // Secret data is base64 that kustomize wraps at 76 columns; the API server's decoder (Go
  // encoding/base64) ignores the line breaks, the schema's "byte" format does not.
  if (object.kind === 'Secret' && object.data && typeof object.data === 'object') {
    object = { ...object, data: Object.fromEntries(Object.entries(object.data).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/[\r\n]/g, '') : v])) };
  }
  try {
    new Model(object).validate();
  } catch (error) {
    errors.push(...String(error.message).split(/,\s*(?=data[/ ])/).map((m) => m.trim()));
  }
  strictFields(object, file + '.d.ts', '', errors);
  return errors;
}

// ---------------------------------------------------------------- Dapr kinds

const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
const str = { type: 'string' };
const bool = { type: 'boolean' };
const int = { type: 'integer' };
const duration = { type: 'string', pattern: DURATION, hint: 'a Go duration such as 500ms, 30s, 5m' };
const any = { type: 'any' };
const object = (fields, required = []) => ({ type: 'object', fields, required });
const mapOf = (values) => ({ type: 'map', values });
const arrayOf = (items) => ({ type: 'array', items });
const oneOf = (...values) => ({ type: 'string', values });

const objectMeta = { type: 'meta' };
const nameValue = object({
  name: str,
  value: any,
  secretKeyRef: object({ name: str, key: str }, ['name', 'key']),
  envRef: str,
}, ['name']);
const policyNames = object({ timeout: str, retry: str, circuitBreaker: str });

const daprShapes = {
  Component: object({
    apiVersion: str, kind: str, metadata: objectMeta,
    spec: object({
      type: str, version: str, ignoreErrors: bool, initTimeout: duration, metadata: arrayOf(nameValue),
    }, ['type', 'version']),
    auth: object({ secretStore: str }),
    scopes: arrayOf(str),
  }, ['apiVersion', 'kind', 'metadata', 'spec']),
  Resiliency: object({
    apiVersion: str, kind: str, metadata: objectMeta,
    spec: object({
      policies: object({
        timeouts: mapOf(duration),
        retries: mapOf(object({
          policy: oneOf('constant', 'exponential'), duration, maxInterval: duration, maxRetries: int,
          matching: object({ httpStatusCodes: str, gRPCStatusCodes: str }),
        }, ['policy'])),
        circuitBreakers: mapOf(object({ maxRequests: int, interval: duration, timeout: duration, trip: str }, ['trip'])),
      }),
      targets: object({
        apps: mapOf(object({ timeout: str, retry: str, circuitBreaker: str, circuitBreakerCacheSize: int })),
        actors: mapOf(object({ timeout: str, retry: str, circuitBreaker: str, circuitBreakerScope: str, circuitBreakerCacheSize: int })),
        components: mapOf(object({ inbound: policyNames, outbound: policyNames })),
      }),
    }, ['policies', 'targets']),
    scopes: arrayOf(str),
  }, ['apiVersion', 'kind', 'metadata', 'spec']),
  Configuration: object({
    apiVersion: str, kind: str, metadata: objectMeta,
    spec: object({
      tracing: object({
        samplingRate: str,
        stdout: bool,
        zipkin: object({ endpointAddress: str }, ['endpointAddress']),
        otel: object({
          protocol: oneOf('grpc', 'http'), endpointAddress: str, isSecure: bool,
          headers: arrayOf(nameValue), timeout: duration,
        }, ['protocol', 'endpointAddress', 'isSecure']),
      }, ['samplingRate']),
      metric: object({ enabled: bool, recordErrorCodes: bool, http: any, rules: any, latencyDistributionBuckets: any }),
      metrics: object({ enabled: bool, recordErrorCodes: bool, http: any, rules: any, latencyDistributionBuckets: any }),
      appHttpPipeline: any, httpPipeline: any, mtls: any, secrets: any, accessControl: any,
      nameResolution: any, features: any, api: any, components: any, logging: any, wasm: any,
      workflow: any, tls: any,
    }),
    scopes: arrayOf(str),
  }, ['apiVersion', 'kind', 'metadata', 'spec']),
};

function typeOf(value) {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function checkShape(value, shape, where, errors) {
  switch (shape.type) {
    case 'any':
      return;
    case 'meta':
      if (typeOf(value) !== 'object') {
        errors.push(`${where}: must be an object`);
        return;
      }
      if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(value.name ?? '') || value.name.length > 253) {
        errors.push(`${where}/name: must be a DNS subdomain name`);
      }
      strictFields(value, path.join(modulesDir, '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta.d.ts'), where, errors);
      return;
    case 'object':
      if (typeOf(value) !== 'object') {
        errors.push(`${where}: must be an object`);
        return;
      }
      for (const key of shape.required) {
        if (!(key in value)) errors.push(`${where}: must have required property '${key}'`);
      }
      for (const [key, child] of Object.entries(value)) {
        if (!(key in shape.fields)) errors.push(`${where}/${key}: unknown field`);
        else checkShape(child, shape.fields[key], `${where}/${key}`, errors);
      }
      return;
    case 'map':
      if (typeOf(value) !== 'object') {
        errors.push(`${where}: must be an object`);
        return;
      }
      for (const [key, child] of Object.entries(value)) checkShape(child, shape.values, `${where}/${key}`, errors);
      return;
    case 'array':
      if (!Array.isArray(value)) {
        errors.push(`${where}: must be an array`);
        return;
      }
      value.forEach((item, i) => checkShape(item, shape.items, `${where}/${i}`, errors));
      return;
    default:
      if (typeOf(value) !== shape.type) {
        errors.push(`${where}: must be ${shape.type}, is ${typeOf(value)}`);
      } else if (shape.values && !shape.values.includes(value)) {
        errors.push(`${where}: must be one of ${shape.values.join(', ')}`);
      } else if (shape.pattern && !shape.pattern.test(value)) {
        errors.push(`${where}: '${value}' is not ${shape.hint}`);
      }
  }
}

// Metadata names each pub/sub type reads (components-contrib pubsub/<type>/metadata.yaml), plus
// consumerID which every pub/sub accepts. A name not listed is ignored by Dapr: usually a typo.
const componentMetadata = {
  'pubsub.rabbitmq': {
    known: ['consumerID', 'connectionString', 'protocol', 'hostname', 'username', 'password', 'caCert', 'clientCert',
      'clientKey', 'saslExternal', 'durable', 'publisherConfirm', 'maxLen', 'maxLenBytes', 'concurrency',
      'enableDeadLetter', 'prefetchCount', 'exchangeKind', 'deliveryMode', 'autoAck', 'deletedWhenUnused',
      'requeueInFailure', 'reconnectWaitSeconds', 'ttlInSeconds', 'clientName', 'heartBeat',
      'publishMessagePropertiesToMetadata', 'maxPriority'],
    secret: ['connectionString', 'password', 'clientKey'],
    // The platform's RabbitMQ layout (docs/events.md, ADR 0003) that a shared broker needs.
    required: {
      durable: 'true', deletedWhenUnused: 'false', deliveryMode: '2', enableDeadLetter: 'true',
      requeueInFailure: 'false', publisherConfirm: 'true', exchangeKind: 'fanout',
    },
  },
  'pubsub.redis': {
    known: ['consumerID', 'redisHost', 'redisPort', 'redisUsername', 'redisPassword', 'sentinelUsername',
      'sentinelPassword', 'useOIDC', 'oidcTokenEndpoint', 'oidcClientID', 'oidcClientAssertionCert',
      'oidcClientAssertionKey', 'oidcResource', 'oidcAudience', 'oidcScopes', 'oidcKid', 'oidcCACert', 'enableTLS',
      'insecureSkipTLSVerify', 'clientCert', 'clientKey', 'redeliverInterval', 'processingTimeout', 'queueDepth',
      'concurrency', 'redisType', 'redisDB', 'redisMaxRetries', 'redisMinRetryInterval', 'redisMaxRetryInterval',
      'dialTimeout', 'readTimeout', 'writeTimeout', 'poolSize', 'poolTimeout', 'maxConnAge', 'minIdleConns',
      'idleCheckFrequency', 'idleTimeout', 'failover', 'sentinelMasterName', 'maxLenApprox', 'streamTTL', 'useEntraID'],
    secret: ['redisPassword', 'sentinelPassword', 'clientKey'],
    required: { redisHost: null },
  },
};

function checkComponent(o, errors) {
  const type = o.spec?.type;
  if (typeof type !== 'string') return;
  if (!/^(pubsub|state|bindings|secretstores|configuration|lock|middleware\.http|crypto|workflow|conversation|nameresolution)\.[a-z0-9][a-z0-9.-]*$/.test(type)) {
    errors.push(`/spec/type: '${type}' is not a Dapr component type`);
  }
  if (o.spec.version !== 'v1') errors.push(`/spec/version: '${o.spec.version}' (every component used here is v1)`);
  const items = Array.isArray(o.spec.metadata) ? o.spec.metadata : [];
  const names = new Map();
  items.forEach((item, i) => {
    const sources = ['value', 'secretKeyRef', 'envRef'].filter((k) => k in item);
    if (sources.length !== 1) errors.push(`/spec/metadata/${i}: needs exactly one of value, secretKeyRef, envRef`);
    if ('value' in item && typeof item.value !== 'string') {
      errors.push(`/spec/metadata/${i} (${item.name}): value must be a string (quote it)`);
    }
    if (names.has(item.name)) errors.push(`/spec/metadata/${i}: '${item.name}' appears twice`);
    names.set(item.name, item);
  });
  const rules = componentMetadata[type];
  if (!rules) return;
  for (const [name, item] of names) {
    if (!rules.known.includes(name)) {
      const hint = name === 'deleteWhenUnused' ? " (Dapr's key is 'deletedWhenUnused')" : '';
      errors.push(`/spec/metadata: '${name}' is not a ${type} setting${hint}`);
    }
    if (rules.secret.includes(name) && !('secretKeyRef' in item)) {
      errors.push(`/spec/metadata: '${name}' must come from a secret (secretKeyRef), not a literal`);
    }
  }
  for (const [name, expected] of Object.entries(rules.required)) {
    const item = names.get(name);
    if (!item) errors.push(`/spec/metadata: '${name}' is required${expected === null ? '' : ` ("${expected}")`}`);
    else if (expected !== null && item.value !== expected) {
      errors.push(`/spec/metadata: '${name}' must be "${expected}", is ${JSON.stringify(item.value)}`);
    }
  }
}

function checkResiliency(o, errors) {
  const policies = o.spec?.policies ?? {};
  for (const [name, breaker] of Object.entries(policies.circuitBreakers ?? {})) {
    if (typeof breaker.trip === 'string' && !/\b(consecutiveFailures|requests|totalFailures)\b/.test(breaker.trip)) {
      errors.push(`/spec/policies/circuitBreakers/${name}/trip: '${breaker.trip}' names none of consecutiveFailures, requests, totalFailures`);
    }
  }
  for (const [name, retry] of Object.entries(policies.retries ?? {})) {
    if (retry.policy === 'constant' && !retry.duration) errors.push(`/spec/policies/retries/${name}: a constant retry needs duration`);
  }
  const kinds = { timeout: 'timeouts', retry: 'retries', circuitBreaker: 'circuitBreakers' };
  const refer = (names, where) => {
    for (const [key, group] of Object.entries(kinds)) {
      if (names?.[key] !== undefined && !(names[key] in (policies[group] ?? {}))) {
        errors.push(`${where}/${key}: no ${group} policy named '${names[key]}'`);
      }
    }
  };
  const targets = o.spec?.targets ?? {};
  for (const [name, t] of Object.entries(targets.apps ?? {})) refer(t, `/spec/targets/apps/${name}`);
  for (const [name, t] of Object.entries(targets.actors ?? {})) refer(t, `/spec/targets/actors/${name}`);
  for (const [name, t] of Object.entries(targets.components ?? {})) {
    refer(t.inbound, `/spec/targets/components/${name}/inbound`);
    refer(t.outbound, `/spec/targets/components/${name}/outbound`);
  }
}

function checkConfiguration(o, errors) {
  const tracing = o.spec?.tracing;
  if (tracing && typeof tracing.samplingRate === 'string') {
    const rate = Number(tracing.samplingRate);
    if (!(rate >= 0 && rate <= 1)) errors.push(`/spec/tracing/samplingRate: '${tracing.samplingRate}' is not a number from 0 to 1`);
  }
  const otel = tracing?.otel;
  if (otel && typeof otel.endpointAddress === 'string' && !/^[A-Za-z0-9.-]+:\d+$/.test(otel.endpointAddress)) {
    errors.push(`/spec/tracing/otel/endpointAddress: '${otel.endpointAddress}' must be host:port (no scheme)`);
  }
}

function checkDapr(o) {
  const errors = [];
  const shape = daprShapes[o.kind];
  if (!shape) return [`no structural check for Dapr kind ${o.kind}`];
  if (o.apiVersion !== 'dapr.io/v1alpha1') errors.push(`/apiVersion: Dapr ${o.kind} is dapr.io/v1alpha1`);
  checkShape(o, shape, '', errors);
  if (o.kind === 'Component') checkComponent(o, errors);
  if (o.kind === 'Resiliency') checkResiliency(o, errors);
  if (o.kind === 'Configuration') checkConfiguration(o, errors);
  return errors;
}

// ---------------------------------------------------------------- main

const objects = JSON.parse(fs.readFileSync(input, 'utf8'));
const results = objects.map((o, index) => {
  let errors;
  if (typeof o?.apiVersion !== 'string' || typeof o?.kind !== 'string') errors = ['missing apiVersion or kind'];
  else if (o.apiVersion.startsWith('dapr.io/')) errors = checkDapr(o);
  else errors = checkBuiltIn(o);
  return { index, kind: o?.kind, name: o?.metadata?.name, errors };
});
process.stdout.write(JSON.stringify(results));
