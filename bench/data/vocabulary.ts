/**
 * Word lists the bench catalog is built from. Search terms (adjectives, colours, collections)
 * are chosen so that no other word of the catalog contains them or is within Meilisearch's
 * typo budget of them (vocabulary.unit.test.ts checks it): a term then finds the same products
 * by `ILIKE '%term%'` on the write schema as by a Meilisearch query, and the two can be timed
 * against each other honestly.
 */

export interface Department {
  name: string;
  /** Second-level categories, each with the noun its products are named after. */
  subcategories: { name: string; noun: string }[];
}

export const DEPARTMENTS: Department[] = [
  { name: 'Apparel', subcategories: [
    { name: 'Jackets', noun: 'Jacket' }, { name: 'Shirts', noun: 'Shirt' }, { name: 'Trousers', noun: 'Trousers' },
    { name: 'Knitwear', noun: 'Sweater' }, { name: 'Headwear', noun: 'Beanie' }, { name: 'Gloves', noun: 'Gloves' },
  ] },
  { name: 'Footwear', subcategories: [
    { name: 'Running Shoes', noun: 'Running Shoe' }, { name: 'Boots', noun: 'Boot' }, { name: 'Sandals', noun: 'Sandal' },
    { name: 'Sneakers', noun: 'Sneaker' }, { name: 'Slippers', noun: 'Slipper' }, { name: 'Socks', noun: 'Socks' },
  ] },
  { name: 'Outdoor', subcategories: [
    { name: 'Tents', noun: 'Tent' }, { name: 'Backpacks', noun: 'Backpack' }, { name: 'Sleeping Bags', noun: 'Sleeping Bag' },
    { name: 'Camp Furniture', noun: 'Camp Chair' }, { name: 'Navigation', noun: 'Compass' }, { name: 'Climbing', noun: 'Harness' },
  ] },
  { name: 'Kitchen', subcategories: [
    { name: 'Cookware', noun: 'Skillet' }, { name: 'Coffee', noun: 'Coffee Grinder' }, { name: 'Knives', noun: 'Chef Knife' },
    { name: 'Bakeware', noun: 'Baking Tray' }, { name: 'Tableware', noun: 'Dinner Plate' }, { name: 'Food Storage', noun: 'Food Container' },
  ] },
  { name: 'Electronics', subcategories: [
    { name: 'Audio', noun: 'Headphones' }, { name: 'Lighting', noun: 'Headlamp' }, { name: 'Power', noun: 'Power Bank' },
    { name: 'Cameras', noun: 'Action Camera' }, { name: 'Wearables', noun: 'Smartwatch' }, { name: 'Cables', noun: 'Charging Cable' },
  ] },
  { name: 'Home', subcategories: [
    { name: 'Bedding', noun: 'Duvet' }, { name: 'Bath', noun: 'Bath Towel' }, { name: 'Decor', noun: 'Table Lamp' },
    { name: 'Rugs', noun: 'Rug' }, { name: 'Cleaning', noun: 'Mop' }, { name: 'Furniture', noun: 'Side Table' },
  ] },
  { name: 'Garden', subcategories: [
    { name: 'Garden Tools', noun: 'Pruning Shears' }, { name: 'Planters', noun: 'Planter' }, { name: 'Watering', noun: 'Watering Can' },
    { name: 'Seeds', noun: 'Seed Mix' }, { name: 'Grills', noun: 'Charcoal Grill' }, { name: 'Lawn Care', noun: 'Lawn Mower' },
  ] },
  { name: 'Sports', subcategories: [
    { name: 'Cycling', noun: 'Bike Helmet' }, { name: 'Fitness', noun: 'Kettlebell' }, { name: 'Yoga', noun: 'Yoga Mat' },
    { name: 'Swimming', noun: 'Swim Goggles' }, { name: 'Team Sports', noun: 'Football' }, { name: 'Racket Sports', noun: 'Tennis Racket' },
  ] },
];

/** Third-level categories: each second-level one split by who or what it is for. */
export const QUALIFIERS = ['Everyday', 'Travel', 'Performance', 'Kids', 'Premium'];

export const BRANDS = [
  'Northwind', 'Fjordline', 'Pinecrest', 'Tidewater', 'Kestrel', 'Bramble', 'Granite & Co', 'Lumen Works', 'Otterby', 'Harbor Bay',
  'Wolfram', 'Bluebell', 'Cedarwood', 'Driftway', 'Emberly', 'Foxglove', 'Greyhound Gear', 'Hollis', 'Ironbark', 'Juno Labs',
  'Kinsale', 'Larkspur', 'Moorfield', 'Nettlebed', 'Oakhurst', 'Pemberton', 'Quillon', 'Redpoll', 'Stonebridge', 'Thornbury',
  'Upland', 'Valecraft', 'Westerly', 'Yarrow', 'Zinnia', 'Ashgrove', 'Brightwater', 'Copperfield', 'Dunmore', 'Elmstead',
  'Fernleigh', 'Glenwood', 'Hazelmere', 'Inverness Supply', 'Kingsbury', 'Linthwaite', 'Marlowe', 'Newhaven', 'Orwell', 'Penrose',
];

/** Common search terms: each names about one product in twenty. */
export const ADJECTIVES = [
  'Classic', 'Alpine', 'Urban', 'Coastal', 'Summit', 'Nordic', 'Heritage', 'Rugged', 'Vintage', 'Modern',
  'Deluxe', 'Essential', 'Expedition', 'Studio', 'Horizon', 'Voyager', 'Tundra', 'Canyon', 'Meadow', 'Frontier',
];

/** Common search terms too: each colours about one product in twelve. */
export const COLORS = ['Ebony', 'Navy', 'Olive', 'Khaki', 'Rust', 'Pewter', 'Ivory', 'Burgundy', 'Charcoal', 'Teal', 'Crimson', 'Mustard'];

export const MATERIALS = [
  'recycled polyester', 'organic cotton', 'merino wool', 'full-grain leather', 'ripstop nylon', 'stainless steel', 'anodized aluminium', 'bamboo',
];

/**
 * Rare search terms: every twentieth product belongs to a collection, the collections taken in
 * turn, so each word describes products / (20 × collections) products (50 of 100,000).
 */
export const COLLECTIONS = [
  'Agate', 'Basalt', 'Cobalt', 'Dolomite', 'Feldspar', 'Garnet', 'Hematite', 'Jasper', 'Kyanite', 'Malachite',
  'Obsidian', 'Onyx', 'Peridot', 'Quartzite', 'Rhodonite', 'Sodalite', 'Topaz', 'Tourmaline', 'Zircon', 'Beryl',
  'Citrine', 'Fluorite', 'Gypsum', 'Jadeite', 'Lazurite', 'Apatite', 'Pyrite', 'Spinel', 'Altair', 'Betelgeuse',
  'Capella', 'Deneb', 'Elnath', 'Fomalhaut', 'Hadar', 'Kochab', 'Mirach', 'Nashira', 'Pollux', 'Rigel',
  'Sirius', 'Adhara', 'Wezen', 'Alcor', 'Mizar', 'Castor', 'Procyon', 'Regulus', 'Spica', 'Antares',
  'Arcturus', 'Bellatrix', 'Canopus', 'Mintaka', 'Alnilam', 'Saiph', 'Achernar', 'Avocet', 'Bittern', 'Curlew',
  'Dunlin', 'Egret', 'Fulmar', 'Godwit', 'Heron', 'Ibis', 'Jacana', 'Kittiwake', 'Lapwing', 'Merganser',
  'Nightjar', 'Osprey', 'Plover', 'Redshank', 'Shearwater', 'Turnstone', 'Wagtail', 'Whimbrel', 'Sanderling', 'Ptarmigan',
  'Hawthorn', 'Juniper', 'Larch', 'Linden', 'Rowan', 'Sequoia', 'Tamarack', 'Willow', 'Magnolia', 'Hornbeam',
  'Acacia', 'Baobab', 'Cypress', 'Eucalyptus', 'Ginkgo', 'Hickory', 'Mahogany', 'Sycamore', 'Tupelo', 'Wisteria',
];

/** One product in this many belongs to a collection. */
export const COLLECTION_EVERY = 20;

export const TAGS = [
  'bestseller', 'new', 'eco', 'waterproof', 'lightweight', 'gift-idea', 'sale', 'limited', 'vegan', 'handmade',
  'fair-trade', 'bundle', 'clearance', 'staff-pick', 'award-winner', 'made-in-eu', 'recycled', 'organic', 'kids', 'unisex',
  'outdoor', 'indoor', 'travel', 'foldable', 'premium', 'refurbished', 'exclusive', 'seasonal', 'repairable', 'warranty-5y',
];

/**
 * Product descriptions, as `format()` patterns: %1$s colour, %2$s noun, %3$s brand,
 * %4$s material (colour and noun lower-cased).
 */
export const DESCRIPTION_TEMPLATES = [
  'The %1$s %2$s by %3$s, made of %4$s. Built to last and easy to care for.',
  'This %2$s from %3$s comes in %1$s and is made of %4$s. Comfortable, durable and ready for daily use.',
  '%3$s designed this %1$s %2$s in %4$s for people who value good materials and simple lines.',
];

/** Appended to the description of collection products: %1$s is the collection. */
export const COLLECTION_SENTENCE = ' Part of the %1$s collection.';

export const FIRST_NAMES = [
  'Anna', 'Ben', 'Clara', 'David', 'Elena', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Katja', 'Lukas', 'Marie', 'Noah', 'Olga',
  'Paul', 'Rosa', 'Simon', 'Tara', 'Ugo', 'Vera', 'Wim', 'Yara', 'Zoe', 'Amir', 'Bea', 'Carlos', 'Dana', 'Emil', 'Fatima',
];

export const LAST_NAMES = [
  'Schmidt', 'Dubois', 'Rossi', 'Garcia', 'Jansen', 'Nowak', 'Silva', 'Larsen', 'Novak', 'Horvat', 'Murphy', 'Weber', 'Moreau',
  'Bianchi', 'Lopez', 'Peeters', 'Kowalski', 'Costa', 'Nielsen', 'Varga', 'Kelly', 'Fischer', 'Laurent', 'Romano', 'Martin',
];

export const WAREHOUSES = [
  { code: 'HAM-1', name: 'Hamburg North' },
  { code: 'LYS-1', name: 'Lyon Central' },
  { code: 'MIL-1', name: 'Milan South' },
];
