/**
 * A deterministic, realistic demo catalog: the same seed gives the same products, so
 * screenshots and docs stay comparable between runs.
 */
export interface CategorySeed {
  name: string;
  children: { name: string; nouns: string[] }[];
}

export const CATEGORY_SEEDS: CategorySeed[] = [
  { name: 'Apparel', children: [
    { name: 'Jackets', nouns: ['Rain Jacket', 'Down Jacket', 'Softshell Jacket', 'Denim Jacket'] },
    { name: 'Shirts', nouns: ['Oxford Shirt', 'Linen Shirt', 'Flannel Shirt', 'Polo Shirt'] },
    { name: 'Trousers', nouns: ['Chinos', 'Cargo Trousers', 'Hiking Pants', 'Jeans'] },
  ] },
  { name: 'Footwear', children: [
    { name: 'Running', nouns: ['Trail Runner', 'Road Running Shoe', 'Racing Flat'] },
    { name: 'Boots', nouns: ['Hiking Boot', 'Chelsea Boot', 'Winter Boot'] },
    { name: 'Sandals', nouns: ['Sport Sandal', 'Flip-Flop', 'Leather Sandal'] },
  ] },
  { name: 'Outdoor', children: [
    { name: 'Tents', nouns: ['Two-Person Tent', 'Ultralight Tent', 'Family Tent'] },
    { name: 'Backpacks', nouns: ['Daypack', 'Trekking Backpack', 'Hydration Pack'] },
    { name: 'Sleeping', nouns: ['Sleeping Bag', 'Sleeping Pad', 'Camp Pillow'] },
  ] },
  { name: 'Kitchen', children: [
    { name: 'Cookware', nouns: ['Cast Iron Skillet', 'Stock Pot', 'Saucepan', 'Dutch Oven'] },
    { name: 'Coffee', nouns: ['Pour-Over Kettle', 'Burr Grinder', 'French Press', 'Espresso Cup Set'] },
  ] },
  { name: 'Electronics', children: [
    { name: 'Audio', nouns: ['Wireless Headphones', 'Bluetooth Speaker', 'Earbuds'] },
    { name: 'Lighting', nouns: ['Headlamp', 'Camping Lantern', 'Bike Light'] },
  ] },
];

const ADJECTIVES = ['Classic', 'Alpine', 'Urban', 'Coastal', 'Summit', 'Everyday', 'Nordic', 'Trail', 'Heritage', 'Pro', 'Lite', 'Storm'];
const COLORS = ['Black', 'Navy', 'Olive', 'Sand', 'Rust', 'Forest Green', 'Slate', 'Ivory', 'Burgundy', 'Sky Blue'];
const BRANDS = ['Northwind', 'Fjordline', 'Acme Outdoor', 'Pinecrest', 'Granite & Co', 'Tidewater', 'Kestrel', 'Bramble'];
const MATERIALS = ['recycled polyester', 'organic cotton', 'merino wool', 'full-grain leather', 'ripstop nylon', 'stainless steel', 'anodized aluminium'];
const TAGS = ['bestseller', 'new', 'eco', 'waterproof', 'lightweight', 'gift-idea', 'sale', 'limited'];
const CURRENCY_PRICES: [string, number][] = [['EUR', 1], ['EUR', 1], ['EUR', 1], ['USD', 1.1], ['GBP', 0.86]];

export interface ProductSeed {
  sku: string;
  name: string;
  description: string;
  brand: string;
  categoryPath: [string, string];
  priceCents: number;
  currency: string;
  tags: string[];
  status: 'active' | 'draft';
}

/** Mulberry32: small, fast, deterministic. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateProducts(count: number, seed = 42): ProductSeed[] {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const leaves = CATEGORY_SEEDS.flatMap((c) => c.children.map((child) => ({ parent: c.name, ...child })));
  return Array.from({ length: count }, (_, i) => {
    const leaf = leaves[i % leaves.length]!;
    const noun = pick(leaf.nouns);
    const color = pick(COLORS);
    const brand = pick(BRANDS);
    const material = pick(MATERIALS);
    const [currency, factor] = pick(CURRENCY_PRICES);
    const base = 900 + Math.floor(rnd() * 30_000);
    const tags = [...new Set([pick(TAGS), ...(rnd() < 0.4 ? [pick(TAGS)] : [])])];
    return {
      sku: `${leaf.name.slice(0, 3).toUpperCase()}-${String(1000 + i).padStart(5, '0')}`,
      name: `${brand} ${pick(ADJECTIVES)} ${noun}, ${color}`,
      description: `A ${color.toLowerCase()} ${noun.toLowerCase()} from ${brand}, made of ${material}. ` +
        `Designed for ${leaf.parent.toLowerCase()} use all year round; ${tags.includes('waterproof') ? 'fully waterproof, ' : ''}` +
        `built to last and easy to care for.`,
      brand,
      categoryPath: [leaf.parent, leaf.name],
      priceCents: Math.round((base * factor) / 10) * 10 - 1,
      currency,
      tags,
      status: rnd() < 0.9 ? 'active' : 'draft',
    };
  });
}
