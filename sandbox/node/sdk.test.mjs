// The official Stripe Node SDK, pointed at stripe-sandbox with its host, port
// and protocol options, lists with auto-pagination and creates a portal session.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import Stripe from "stripe";

const binary = process.env.STRIPE_SANDBOX_BIN ?? "../../target/debug/stripe-sandbox";
let sandbox;
let baseUrl;
let stripe;

before(async () => {
  sandbox = spawn(binary, ["--customers", "120", "--seed", "3"], { stdio: ["ignore", "pipe", "inherit"] });
  const firstLine = await new Promise((resolve, reject) => {
    sandbox.once("error", reject);
    createInterface({ input: sandbox.stdout }).once("line", resolve);
  });
  const match = /^listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(firstLine);
  assert.ok(match, `unexpected first line: ${firstLine}`);
  baseUrl = match[1];
  stripe = new Stripe("sk_test_sandbox", { host: "127.0.0.1", port: Number(match[2]), protocol: "http", maxNetworkRetries: 0 });
});

after(async () => {
  const exited = new Promise((resolve) => sandbox.once("exit", (code, signal) => resolve({ code, signal })));
  sandbox.kill("SIGTERM");
  const { code } = await exited;
  assert.equal(code, 0, "the sandbox exits cleanly on SIGTERM");
});

async function collect(list) {
  const ids = [];
  for await (const item of list) ids.push(item.id);
  return ids;
}

async function truth() {
  const response = await fetch(`${baseUrl}/_sandbox/truth`);
  return response.json();
}

function newestFirst(objects) {
  return objects.map((o, i) => [o.created, i, o.id]).sort((a, b) => b[0] - a[0] || b[1] - a[1]).map((x) => x[2]);
}

test("customers auto-paginate, each exactly once, newest first", async () => {
  const ids = await collect(stripe.customers.list({ limit: 7 }));
  assert.deepEqual(ids, newestFirst((await truth()).customers));
});

test("subscriptions auto-paginate with status=all, including canceled ones", async () => {
  const ids = await collect(stripe.subscriptions.list({ limit: 50, status: "all" }));
  const all = (await truth()).subscriptions;
  assert.deepEqual(ids, newestFirst(all));
  assert.ok(all.some((s) => s.status === "canceled"), "the dataset has canceled subscriptions");
});

test("invoices auto-paginate", async () => {
  const ids = await collect(stripe.invoices.list({ limit: 100 }));
  assert.deepEqual(ids, newestFirst((await truth()).invoices));
});

test("a portal session is created, with a deep link", async () => {
  const [customer] = (await stripe.customers.list({ limit: 1 })).data;
  await assert.rejects(
    stripe.billingPortal.sessions.create({ customer: customer.id }),
    (error) => error.type === "StripeInvalidRequestError" && /default configuration has not been created/.test(error.message),
  );
  const configuration = await stripe.billingPortal.configurations.create({
    features: { invoice_history: { enabled: true }, payment_method_update: { enabled: true } },
  });
  const session = await stripe.billingPortal.sessions.create({
    customer: customer.id,
    configuration: configuration.id,
    return_url: "https://example.com/account",
    flow_data: { type: "payment_method_update", after_completion: { type: "redirect", redirect: { return_url: "https://example.com/done" } } },
  });
  assert.equal(session.object, "billing_portal.session");
  assert.equal(session.flow.type, "payment_method_update");
  assert.ok(session.url.startsWith(baseUrl), session.url);
  const page = await fetch(session.url);
  assert.equal(page.status, 200);
  assert.match(await page.text(), new RegExp(`Customer portal for .*${customer.id}`));
});

test("a wrong key is refused with Stripe's authentication error", async () => {
  const wrong = new Stripe("sk_test_wrong0000", { host: "127.0.0.1", port: Number(new URL(baseUrl).port), protocol: "http", maxNetworkRetries: 0 });
  await assert.rejects(wrong.customers.list(), (error) => error.type === "StripeAuthenticationError");
});

test("retrieves, filters and updates as the SDK sends them", async () => {
  const [customer] = (await stripe.customers.list({ limit: 1, created: { gte: 0 } })).data;
  const full = await stripe.customers.retrieve(customer.id, { expand: ["invoice_settings.default_payment_method"] });
  assert.equal(full.id, customer.id);
  const methods = await stripe.customers.listPaymentMethods(customer.id, { limit: 3 });
  assert.equal(methods.object, "list");
  const events = await stripe.events.list({ limit: 5, types: ["customer.updated", "invoice.paid"] });
  assert.equal(events.object, "list");
  const prices = await stripe.prices.list({ active: true, limit: 3 });
  assert.ok(prices.data.length > 0);
  const configuration = await stripe.billingPortal.configurations.create({
    business_profile: { headline: "Acme" },
    features: { invoice_history: { enabled: true } },
  });
  const updated = await stripe.billingPortal.configurations.update(configuration.id, { active: false, metadata: { by: "sdk" } });
  assert.equal(updated.active, false);
});

test("the sandbox refused no parameter the SDK sent as unknown", async () => {
  // The sandbox is as strict as Stripe: a parameter the SDK sends that an
  // endpoint doesn't take would be a 400 on Stripe too.
  const counters = await (await fetch(`${baseUrl}/_sandbox/counters`)).json();
  assert.deepEqual(counters.unknown_parameters, {});
  const refused = await stripe.customers.list({ limit: 1, colour: "blue" }).catch((error) => error);
  assert.equal(refused.code, "parameter_unknown");
  assert.equal(refused.param, "colour");
});
