/**
 * The set-based statements that fill the write model for the bench. Every random choice is a
 * hash of the row number and a salt (`hashint8extended`), so a given size gives the same
 * catalog on every run (only the uuids differ) and no statement depends on evaluation order.
 *
 * Session temp tables carry what later steps need: `bench_products` (the attributes drawn
 * for each product number), `bench_customers` and `bench_orderable` (products that may appear
 * on orders, numbered 1..M).
 */

/** A reproducible number in [0, 1) drawn from `key`: 52 bits of the hash, so it is never 1. */
export const unit = (key: string, salt: number) =>
  `(((hashint8extended((${key})::int8, ${salt}) & 9223372036854775807) >> 11)::float8 / 4503599627370496.0)`;

/** A reproducible whole number in [0, n). */
export const pick = (key: string, salt: number, n: string | number) =>
  `((hashint8extended((${key})::int8, ${salt}) & 9223372036854775807) % (${n}))::int`;

export const CREATE_TEMP_TABLES = `
  create temp table bench_products (
    n int primary key, id uuid not null, leaf_no int not null, brand_no int not null, adjective_no int not null,
    color_no int not null, material_no int not null, template_no int not null, collection_no int,
    price_cents int not null, status text not null, version int not null, created_at timestamptz not null,
    warehouse_no int not null, warehouse_count int not null, tag_count int not null, first_tag_no int not null
  );
  create temp table bench_customers (n int primary key, id uuid not null)`;

/**
 * $1..$2: product numbers; $3 leaves, $4 brands, $5 adjectives, $6 colours, $7 materials,
 * $8 templates, $9 collections (counts); $10 one product in this many is in a collection;
 * $11 the load's "now". Mostly active, some drafts and archived; prices 4.99 to 498.99, skewed low.
 */
export const DRAW_PRODUCTS = `
  insert into bench_products
  select g, gen_random_uuid(),
         ${pick('g', 1, '$3::int')}, ${pick('g', 2, '$4::int')}, ${pick('g', 3, '$5::int')}, ${pick('g', 4, '$6::int')},
         ${pick('g', 5, '$7::int')}, ${pick('g', 6, '$8::int')},
         case when g % $10::int = 0 then (g / $10::int - 1) % $9::int end,
         (floor(5 + 494 * ${unit('g', 7)} ^ 2) * 100 - 1)::int,
         case when ${unit('g', 8)} < 0.88 then 'active' when ${unit('g', 8)} < 0.95 then 'draft' else 'archived' end,
         1 + ${pick('g', 9, 3)},
         $11::timestamptz - make_interval(days => 400 + ${pick('g', 10, 400)}),
         ${pick('g', 11, 3)}, 1 + ${pick('g', 12, 3)}, ${pick('g', 13, 4)}, floor(30 * ${unit('g', 14)} ^ 2)::int
    from generate_series($1::int, $2::int) g`;

/**
 * $1..$2: product numbers; $3 leaf ids, $4 leaf nouns, $5 brands, $6 adjectives, $7 colours,
 * $8 materials, $9 description templates, $10 collections, $11 the collection sentence.
 */
export const INSERT_PRODUCTS = `
  insert into products (id, sku, name, description, brand, category_id, price_cents, currency, status, version, created_at, updated_at)
  select p.id, 'BX-' || lpad(p.n::text, 7, '0'),
         brand || ' ' || adjective || ' ' || noun || ', ' || color,
         format(($9::text[])[1 + p.template_no], lower(color), lower(noun), brand, ($8::text[])[1 + p.material_no])
           || case when p.collection_no is null then '' else format($11::text, ($10::text[])[1 + p.collection_no]) end,
         brand, ($3::uuid[])[1 + p.leaf_no], p.price_cents, 'EUR', p.status, p.version,
         p.created_at, p.created_at + make_interval(days => 30 * (p.version - 1))
    from bench_products p
   cross join lateral (select ($4::text[])[1 + p.leaf_no] as noun, ($5::text[])[1 + p.brand_no] as brand,
                              ($6::text[])[1 + p.adjective_no] as adjective, ($7::text[])[1 + p.color_no] as color) w
   where p.n between $1 and $2`;

/** $1..$2: product numbers; $3 tags. Distinct tags: steps of 7 through 30 never repeat within 3. */
export const INSERT_PRODUCT_TAGS = `
  insert into product_tags (product_id, tag)
  select p.id, ($3::text[])[1 + (p.first_tag_no + 7 * k) % cardinality($3::text[])]
    from bench_products p cross join generate_series(0, p.tag_count - 1) k
   where p.n between $1 and $2`;

/**
 * $1..$2: product numbers; $3 warehouse ids; $4 the load's "now". Each product is stocked in
 * 1–3 warehouses, starting with `warehouse_no` (the one its order lines are allocated from);
 * one row in twenty is sold out.
 */
export const INSERT_STOCK_LEVELS = `
  insert into stock_levels (product_id, warehouse_id, quantity, version, updated_at)
  select p.id, ($3::uuid[])[1 + (p.warehouse_no + k) % cardinality($3::uuid[])],
         case when ${pick('p.n * 4 + k', 15, 20)} = 0 then 0 else 1 + ${pick('p.n * 4 + k', 16, 300)} end,
         1, $4::timestamptz - make_interval(days => ${pick('p.n * 4 + k', 17, 30)})
    from bench_products p cross join generate_series(0, p.warehouse_count - 1) k
   where p.n between $1 and $2`;

/** $1..$2: customer numbers; $3 first names; $4 last names; $5 the load's "now". */
export const INSERT_CUSTOMERS = `
  with drawn as (
    insert into bench_customers select g, gen_random_uuid() from generate_series($1::int, $2::int) g returning n, id
  )
  insert into customers (id, email, name, created_at, updated_at)
  select d.id, lower(first || '.' || last || '.' || d.n || '@example.com'), first || ' ' || last, at, at
    from drawn d
   cross join lateral (select ($3::text[])[1 + ${pick('d.n', 20, 'cardinality($3::text[])')}] as first,
                              ($4::text[])[1 + ${pick('d.n', 21, 'cardinality($4::text[])')}] as last,
                              $5::timestamptz - make_interval(days => 400 + ${pick('d.n', 22, 400)}) as at) w`;

/** Drafts are never ordered (the app refuses them); archived products were sold before. */
export const NUMBER_ORDERABLE = `
  create temp table bench_orderable as
  select row_number() over (order by n)::int as n, id, price_cents, warehouse_no
    from bench_products where status <> 'draft';
  alter table bench_orderable add primary key (n)`;

/**
 * One chunk of orders with their lines and allocations. $1: number of the chunk's first order
 * minus one; $2: line count of each order; $3 customers; $4 orderable products; $5 warehouse
 * ids; $6 the load's "now". Orders are spread over the last 365 days; a few customers and
 * products are much more popular than the rest. Statuses follow age: recent orders are still
 * placed or paid, older ones shipped, some cancelled (with or without payment); timestamps
 * are in order and never in the future. Each line is allocated from its product's first
 * warehouse, as `placeOrder` records where the units came from. Inserting parent and child
 * rows in one statement is fine: foreign keys are checked at its end.
 */
export const INSERT_ORDERS = `
  with chunk as materialized (
    select $1::int8 + t.ord as n, t.lines, gen_random_uuid() as id
      from unnest($2::int[]) with ordinality as t(lines, ord)
  ),
  drawn as (
    select ch.id, ch.n, ch.lines, cu.id as customer_id,
           $6::timestamptz - make_interval(secs => 31536000 * ${unit('ch.n', 30)}) as placed_at,
           ${pick('ch.n', 31, 100)} as roll, ${unit('ch.n', 32)} as r1, ${unit('ch.n', 33)} as r2
      from chunk ch
      join bench_customers cu on cu.n = 1 + floor($3::int * ${unit('ch.n', 34)} ^ 1.5)::int
  ),
  decided as (
    select d.*,
           case when roll < 7 then 'cancelled'
                when age < interval '1 day' then case when roll < 60 then 'placed' else 'paid' end
                when age < interval '3 days' then case when roll < 25 then 'placed' when roll < 65 then 'paid' else 'shipped' end
                when roll >= 98 then 'paid'
                else 'shipped' end as status,
           least(placed_at + make_interval(secs => 60 * (5 + 355 * r1)), $6::timestamptz) as pays_at
      from (select *, $6::timestamptz - placed_at as age from drawn) d
  ),
  stamped as (
    select s.*,
           case when s.status = 'cancelled' then 1 + (s.paid_at is not null)::int else 1 + (s.paid_at is not null)::int + (s.shipped_at is not null)::int end as version
      from (
        select dc.id, dc.n, dc.lines, dc.customer_id, dc.status, dc.placed_at,
               case when status in ('paid', 'shipped') or (status = 'cancelled' and roll < 3) then pays_at end as paid_at,
               case when status = 'shipped' then least(pays_at + make_interval(secs => 3600 * (2 + 58 * r2)), $6::timestamptz) end as shipped_at,
               case when status = 'cancelled' then least(pays_at + make_interval(secs => 3600 * (1 + 47 * r2)), $6::timestamptz) end as cancelled_at
          from decided dc
      ) s
  ),
  lines as (
    select s.id as order_id, j as line_no, p.id as product_id, p.price_cents, p.warehouse_no,
           1 + floor(4 * ${unit('s.n * 8 + j', 40)} ^ 3)::int as quantity
      from stamped s
     cross join generate_series(1, s.lines) j
      join bench_orderable p
        on p.n = 1 + ((floor($4::int * ${unit('s.n', 41)} ^ 2)::int8 + (j - 1) * greatest(1, $4::int / 5)) % $4::int)
  ),
  new_orders as (
    insert into orders (id, customer_id, status, currency, total_cents, version, placed_at, paid_at, shipped_at, cancelled_at, created_at, updated_at)
    select s.id, s.customer_id, s.status, 'EUR', t.total, s.version, s.placed_at, s.paid_at, s.shipped_at, s.cancelled_at,
           s.placed_at, greatest(s.placed_at, s.paid_at, s.shipped_at, s.cancelled_at)
      from stamped s
      join (select order_id, sum(quantity * price_cents)::int as total from lines group by order_id) t on t.order_id = s.id
  ),
  new_lines as (
    insert into order_lines (order_id, line_no, product_id, quantity, unit_price_cents)
    select order_id, line_no, product_id, quantity, price_cents from lines
  ),
  new_allocations as (
    insert into order_allocations (order_id, line_no, warehouse_id, quantity)
    select order_id, line_no, ($5::uuid[])[1 + warehouse_no], quantity from lines
  )
  select count(*)::int as orders from stamped`;
