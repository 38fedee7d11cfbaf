// A HitPay stand-in for measuring the packaged gateway from outside, in a process of its own (as a real provider
// would be): recurring billings by ID, created on POST, each answer after DELAY_MS (default 1). It checks the
// business API key like HitPay and keeps nothing but the billings created. GET /_calls (not HitPay's) answers how many
// requests it has served, for the benchmark's provider calls per request.
//   HITPAY_API_KEY=bench-key PORT=8089 node hitpay-simulator.mjs
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';

const port = Number(process.env.PORT ?? 8089);
const apiKey = process.env.HITPAY_API_KEY ?? 'bench-key';
const delay = Number(process.env.DELAY_MS ?? 1);
const billings = new Map();
let calls = 0;

function billing(id, email, name) {
  return {
    id, business_recurring_plans_id: null, customer_name: name ?? 'Bench', customer_email: email,
    name: 'Bench plan', description: null, reference: null, cycle: 'monthly', cycle_repeat: null,
    cycle_frequency: 'month', currency: 'sgd', amount: 12.9, times_to_be_charged: null, times_charged: 0,
    status: 'active', send_email: false, save_card: '0', redirect_url: null, payment_methods: ['card'],
    created_at: '2026-12-01T10:00:00', updated_at: '2026-12-01T10:00:00', expires_at: null,
    url: `https://securecheckout.sandbox.hit-pay.com/b/recurring-plan/${id}`, webhook: null,
  };
}

function answer(res, status, body) {
  setTimeout(() => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  }, delay);
}

createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    if (req.url === '/_calls') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return res.end(String(calls));
    }
    calls++;
    if (req.headers['x-business-api-key'] !== apiKey) {
      return answer(res, 401, { message: 'Invalid business api key.' });
    }
    const url = new URL(req.url, 'http://localhost');
    const one = url.pathname.match(/^\/v1\/recurring-billing\/([^/]+)$/);
    if (req.method === 'GET' && one) {
      const found = billings.get(one[1]);
      return found ? answer(res, 200, found) : answer(res, 404, { message: 'No query results' });
    }
    if (req.method === 'POST' && url.pathname === '/v1/recurring-billing') {
      let input = {};
      try { input = JSON.parse(body || '{}'); } catch { return answer(res, 422, { message: 'invalid JSON' }); }
      const created = { ...billing(randomUUID(), input.customer_email, input.customer_name), status: 'scheduled' };
      billings.set(created.id, { ...created, status: 'active' });
      return answer(res, 201, created);
    }
    if (req.method === 'GET' && url.pathname === '/v1/recurring-billing') {
      return answer(res, 200, { data: [], links: { next: null }, meta: { current_page: 1, last_page: 1, per_page: 20, total: 0 } });
    }
    return answer(res, 404, { message: 'Not found' });
  });
}).listen(port, '127.0.0.1', () => console.log(`HitPay simulator on http://127.0.0.1:${port}, ${delay} ms per answer`));
