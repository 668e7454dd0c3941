// Word lists for the generated goal docs. Written for this bench; the phrasing imitates the
// register of a team's goal page (terse imperatives, release numbers, board links), not any text.

export const TEAMS = ['Ledger', 'Harbor', 'Beacon', 'Orchard', 'Relay', 'Summit', 'Quarry', 'Compass'];

export const PEOPLE = [
  'Dave', 'Priya', 'Tomasz', 'Amara', 'Jun', 'Lucia', 'Kwame', 'Ingrid', 'Mateo', 'Noor',
  'Oskar', 'Farah', 'Ren', 'Sadie', 'Viktor', 'Yusuf', 'Elif', 'Marcus', 'Hana', 'Bruno',
];

export const VERBS = [
  'Automate', 'Document', 'Replace', 'Migrate', 'Simplify', 'Measure', 'Publish', 'Harden',
  'Retire', 'Speed up', 'Rewrite', 'Split', 'Consolidate', 'Audit', 'Package', 'Monitor',
  'Stabilise', 'Trim', 'Version', 'Validate', 'Backfill', 'Shard', 'Cache', 'Schedule',
];

export const ADJECTIVES = [
  'nightly', 'flaky', 'legacy', 'regional', 'internal', 'public', 'shared', 'staging',
  'offline', 'incremental', 'signed', 'partial', 'hourly', 'noisy', 'slow', 'duplicated',
  'manual', 'encrypted', 'stale', 'orphaned', 'self-hosted', 'multi-tenant',
];

export const THINGS = [
  'release pipeline', 'dogfood cluster', 'upgrade path', 'billing export', 'search index',
  'artifact store', 'installer', 'config loader', 'audit log', 'metrics dashboard',
  'on-call rotation', 'package mirror', 'license check', 'backup job', 'deploy script',
  'changelog', 'API client', 'rate limiter', 'webhook queue', 'container images',
  'smoke tests', 'feature flags', 'status page', 'schema migrations', 'ingest workers',
  'secrets rotation', 'docs site', 'support runbook', 'load balancer', 'cost report',
];

export const OUTCOMES = [
  'Customers can upgrade without downtime',
  'A release takes less than one hour from tag to download',
  'Every alert has an owner and a runbook',
  'Nobody needs to SSH into a build machine',
  'New engineers ship a change in their first week',
  'The installer works offline',
  'Support can answer billing questions without engineering',
  'Flaky tests are quarantined within a day',
  'We know what each cluster costs per month',
  'Breaking changes are announced two releases ahead',
  'Search results appear in under 200 ms at p95',
  'Rollbacks are one command',
];

export const REASONS = [
  'superseded by the platform team roadmap', 'no customer asked for it',
  'blocked on the vendor contract', 'merged into the upgrade goal',
  'cost more than it saves', 'waiting for the new build fleet',
];

export const STATUS = ['On track', 'At risk', 'Blocked on review', 'Done', 'Not started', 'Paused until next quarter'];

// Sentence parts for prose paragraphs; combined at random, so no sentence is copied.
export const OPENERS = [
  'Right now', 'Today', 'Last quarter', 'In practice', 'For most customers', 'During incidents',
  'On the release branch', 'When a build fails', 'Since the migration', 'In the support queue',
];

export const SUBJECTS = [
  'the team', 'every release', 'the on-call engineer', 'each region', 'the nightly job',
  'our largest customer', 'the upgrade script', 'the review queue', 'the build fleet', 'a new hire',
];

export const PREDICATES = [
  'spends most of a day on manual checks', 'waits for a reviewer in another time zone',
  'copies settings between three consoles', 'finds out about breakage from customers',
  'reruns the same flaky suite twice', 'needs a spreadsheet to know what shipped',
  'depends on one person who knows the steps', 'cannot tell which version is deployed',
  'keeps a private list of workarounds', 'pages someone for a routine restart',
  'blocks on a license server that times out', 'reads logs from five different places',
];

export const CLOSERS = [
  'so we want to make it boring and repeatable.', 'which slows down every other goal on this page.',
  'and that is the main risk for the next release.', 'and the fix is mostly plumbing.',
  'which we can measure with the existing dashboards.', 'so this goal is mostly about removing steps.',
  'and we agreed to fix it before adding features.', 'which customers mention in almost every survey.',
];

export const COMMANDS = [
  'make release VERSION=$NEXT', 'kubectl rollout status deploy/ingest -n prod',
  './scripts/backfill --since 2021-01-01 --dry-run', 'terraform plan -target=module.mirror',
  'curl -sf https://status.example.com/health', 'go test ./... -run TestUpgrade -count=3',
  'npm run build && npm run smoke', 'psql -c "select count(*) from jobs where state = \'stuck\'"',
];
