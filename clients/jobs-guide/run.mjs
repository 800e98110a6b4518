// Runs the TypeScript client code of the hosted API's jobs guide against this service.
//
// The snippets are cut out of the guide text itself (GUIDE_PATH) and changed in exactly three
// ways, the ones a customer makes when switching: the base URL, the API key, and the guide's
// example extractor id. Then they are transpiled (types stripped, no type check: the guide's own
// metadata query does not type-check) and run as one module. The scenario at the bottom drives
// them and prints one JSON object with what they returned, which the Java test checks against
// the API.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const guide = fs.readFileSync(process.env.GUIDE_PATH, 'utf8').split('\n');

function section(start, end, from = 0) {
  const first = guide.findIndex((line, i) => i >= from && line.startsWith(start));
  if (first < 0) throw new Error(`guide has no line starting with: ${start}`);
  const last = guide.findIndex((line, i) => i > first && line.startsWith(end));
  if (last < 0) throw new Error(`guide has no line starting with: ${end}`);
  return { text: guide.slice(first, last).join('\n'), end: last };
}

function retarget(code) {
  return code
    .replace(/'https:\/\/api\.adteco\.com([^']*)'/g, '`${BASE_URL}$1`')
    .replace(/`https:\/\/api\.adteco\.com/g, '`${BASE_URL}')
    .replace(/'Bearer sk_live_your_api_key'/g, '`Bearer ${API_KEY}`')
    .replace(/'ext_abc123\.\.\.'/g, 'EXTRACTOR_ID');
}

const queryJobs = section('interface JobQuery {', '// Example: Get completed jobs');
const queryExample = section('// Example: Get completed jobs', 'from datetime import');
const getAllJobs = section('async function getAllJobs(', 'Job Statistics');
const statsIndex = guide.findIndex((line) => line.startsWith('Job Statistics'));
const statsCall = section('const response = await fetch(', 'response = requests.get(', statsIndex);
const monitorProcessingTimes = section('async function monitorProcessingTimes()', 'Track Failure Rate');
const monitorFailureRate = section('async function monitorFailureRate()', 'Track Confidence Scores');
const monitorConfidence = section('async function monitorConfidence()', 'Bulk Operations');
const reprocessFailedJobs = section('async function reprocessFailedJobs(', 'Export Job Results');
const exportJobResults = section("import { createObjectCsvWriter } from 'csv-writer';", 'Job Metadata');
const metadataSubmit = section('// Submit with tracking metadata', 'Performance Optimization');
const processBatch = section('async function processBatch(', 'Caching Results');

const source = `
import fs from 'node:fs';
${retarget(exportJobResults.text.split('\n')[0])}
const BASE_URL = process.env.DOCEXTRACT_BASE_URL;
const API_KEY = process.env.DOCEXTRACT_API_KEY;
const EXTRACTOR_ID = process.env.DOCEXTRACT_EXTRACTOR_ID;

${retarget(queryJobs.text)}
${retarget(getAllJobs.text)}
${retarget(monitorProcessingTimes.text)}
${retarget(monitorFailureRate.text)}
${retarget(monitorConfidence.text)}
${retarget(reprocessFailedJobs.text)}
${retarget(exportJobResults.text.split('\n').slice(1).join('\n'))}
${retarget(processBatch.text)}

// The guide calls getJobStats(period) without showing it; this is its stats call with the period as a parameter.
async function getJobStats(period) {
  const response = await fetch(\`\${BASE_URL}/v1/documents/stats?period=\${period}\`, {
    headers: { 'Authorization': \`Bearer \${API_KEY}\` },
  });
  return response.json();
}

async function waitForAll() {
  // The shared test server may still be working through other tests' scans: allow ten minutes.
  for (let i = 0; i < 1200; i++) {
    const pending = await queryJobs({ extractorId: EXTRACTOR_ID, status: 'queued', limit: 1 });
    const running = await queryJobs({ extractorId: EXTRACTOR_ID, status: 'processing', limit: 1 });
    if (pending.total === 0 && running.total === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('jobs did not finish in time');
}

export async function scenario(documents) {
  const out = {};
  const submitted = await processBatch(EXTRACTOR_ID, documents.map((path) => ({ path, metadata: { source: 'guide-batch' } })));
  out.batchJobIds = submitted.map((job) => job.id);
  const rateLimited = await processBatchWithRateLimit(EXTRACTOR_ID, documents, 2);
  out.rateLimitedJobIds = rateLimited.map((job) => job.id);
  {
    const base64Document = fs.readFileSync(documents[0]).toString('base64');
    ${retarget(metadataSubmit.text).replace(/\n/g, '\n    ')}
    out.metadataJob = await job.json();
    out.metadataQueryTotal = results.total;
  }
  await waitForAll();
  {
    ${retarget(queryExample.text).replace(/\n/g, '\n    ')}
    out.exampleQuery = { total: results.total, count: results.jobs.length };
  }
  out.allJobs = (await getAllJobs(EXTRACTOR_ID)).map((job) => job.id);
  {
    ${retarget(statsCall.text).replace(/\n/g, '\n    ')}
    out.stats = stats;
  }
  out.processingTimes = await monitorProcessingTimes();
  out.failureRate = await monitorFailureRate();
  out.fieldConfidences = await monitorConfidence();
  out.reprocessed = await reprocessFailedJobs(EXTRACTOR_ID);
  await exportJobResults(EXTRACTOR_ID, 'json');
  out.exportJson = JSON.parse(fs.readFileSync('export.json', 'utf8'));
  await exportJobResults(EXTRACTOR_ID, 'csv');
  out.exportCsvLines = fs.readFileSync('export.csv', 'utf8').trim().split('\\n').length;
  return out;
}
`;

const compiled = ts.transpileModule(source, {
  compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
}).outputText;
const here = path.dirname(new URL(import.meta.url).pathname);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jobs-guide-'));
const modulePath = path.join(here, `.guide-${process.pid}.mjs`);
fs.writeFileSync(modulePath, compiled);
try {
  process.chdir(work); // the export writes export.json / export.csv in the working folder
  const { scenario } = await import(pathToFileURL(modulePath).href);
  const result = await scenario(process.argv.slice(2));
  console.log(JSON.stringify(result));
} finally {
  fs.rmSync(modulePath, { force: true });
}
