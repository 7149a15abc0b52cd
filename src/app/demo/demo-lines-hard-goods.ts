import { size, type DemoLine } from './demo-sku-builder.js';

/**
 * Toys, aquarium, bird, small animal and accessories: many slow-moving SKUs in case packs.
 * Only what animals eat (fish food, seed, hay) is lot-tracked.
 */
export const HARD_GOODS_LINES: readonly DemoLine[] = [
  {
    category: 'Toys',
    codePrefix: 'TOY-DOG',
    brands: ['Fetchworks', 'Trailmate'],
    variants: [
      'Rope Tug 3-Knot',
      'Squeaky Plush Fox',
      'Rubber Treat Ball',
      'Tennis Balls 3-Pack',
      'Nylon Chew Bone',
      'Flying Disc',
    ],
    sizes: [
      size('Small', 120, [150, 80, 60], [250, 600], { case: 12, pallet: 60 }),
      size('Large', 280, [250, 120, 100], [500, 1100], { case: 6, pallet: 40 }),
    ],
    count: 14,
    shelfLifeDays: null,
  },
  {
    category: 'Toys',
    codePrefix: 'TOY-CAT',
    brands: ['Whiskerwood', 'Fetchworks'],
    variants: [
      'Feather Wand',
      'Catnip Mice 3-Pack',
      'Crinkle Balls 4-Pack',
      'Laser Pointer',
      'Cardboard Scratcher Lounge',
    ],
    sizes: [size('', 80, [220, 70, 40], [200, 550], { case: 12, pallet: 120 })],
    variantSizes: {
      'Cardboard Scratcher Lounge': [
        size('', 1300, [480, 250, 90], [900, 1600], { case: 6, pallet: 20 }),
      ],
    },
    count: 10,
    shelfLifeDays: null,
  },
  {
    category: 'Aquarium',
    codePrefix: 'AQU-FOD',
    brands: ['Tidepool Aquatics', 'Reefline'],
    variants: [
      'Tropical Flakes',
      'Goldfish Pellets',
      'Betta Pellets',
      'Sinking Algae Wafers',
      'Marine Granules',
    ],
    sizes: [
      size('28 g', 60, [60, 60, 110], [250, 450], { case: 12, pallet: 192 }),
      size('200 g', 260, [90, 90, 190], [900, 1500], { case: 6, pallet: 120 }),
    ],
    count: 8,
    shelfLifeDays: 540,
  },
  {
    category: 'Aquarium',
    codePrefix: 'AQU-FLT',
    brands: ['Tidepool Aquatics', 'Reefline'],
    variants: [
      'Power Filter 20 gal',
      'Power Filter 55 gal',
      'Canister Filter 75 gal',
      'Sponge Filter',
      'Filter Cartridges 3-Pack',
    ],
    sizes: [size('', 1100, [280, 160, 220], [1200, 4500], { case: 4, pallet: 36 })],
    count: 6,
    shelfLifeDays: null,
  },
  {
    category: 'Aquarium',
    codePrefix: 'AQU-GRV',
    brands: ['Tidepool Aquatics', 'Reefline'],
    variants: [
      'Natural River Gravel',
      'Black Sand Substrate',
      'Mixed Color Gravel',
      'Aragonite Reef Sand',
    ],
    sizes: [
      size('2.3 kg', 2300, [250, 60, 330], [350, 650], { case: 6, pallet: 36 }),
      size('9 kg', 9000, [400, 120, 500], [1000, 1800], { pallet: 60 }),
    ],
    count: 6,
    shelfLifeDays: null,
  },
  {
    category: 'Bird',
    codePrefix: 'BRD-SED',
    brands: ['Featherfern', 'Songbird Valley'],
    variants: [
      'Parakeet Seed Mix',
      'Cockatiel Seed Mix',
      'Finch Blend',
      'Wild Bird Sunflower Hearts',
      'Parrot Fruit & Nut Blend',
    ],
    sizes: [
      size('1 kg', 1030, [180, 70, 280], [350, 650], { case: 8, pallet: 36 }),
      size('9 kg', 9050, [600, 450, 150], [1800, 3200], { pallet: 40 }),
    ],
    count: 9,
    shelfLifeDays: 365,
  },
  {
    category: 'Bird',
    codePrefix: 'BRD-CAG',
    brands: ['Featherfern'],
    variants: ['Flight Cage', 'Parakeet Starter Cage', 'Cockatiel Cage', 'Finch Cage'],
    sizes: [
      size('Medium', 6500, [600, 400, 650], [3500, 6000], { pallet: 8 }),
      size('Large', 11000, [800, 500, 900], [7500, 13000], { pallet: 2 }),
    ],
    count: 5,
    shelfLifeDays: null,
  },
  {
    category: 'Small animal',
    codePrefix: 'SML-HAY',
    brands: ['Burrow & Bloom', 'Meadowtail'],
    variants: ['Timothy Hay', 'Orchard Grass Hay', 'Alfalfa Hay', 'Meadow Hay with Herbs'],
    sizes: [
      size('1 kg', 1000, [300, 150, 450], [450, 800], { case: 6, pallet: 9 }),
      size('4 kg', 4000, [550, 350, 400], [1400, 2200], { pallet: 16 }),
    ],
    count: 7,
    shelfLifeDays: 365,
  },
  {
    category: 'Small animal',
    codePrefix: 'SML-BED',
    brands: ['Burrow & Bloom', 'Nestwell'],
    variants: [
      'Paper Bedding Natural',
      'Aspen Shavings',
      'Pine Shavings',
      'Soft Paper Bedding Lavender',
    ],
    sizes: [
      size('30 L', 2200, [450, 300, 250], [800, 1400], { pallet: 48 }),
      size('56 L', 3800, [600, 400, 300], [1300, 2100], { pallet: 20 }),
    ],
    count: 7,
    shelfLifeDays: null,
  },
  {
    category: 'Accessories',
    codePrefix: 'ACC-LSH',
    brands: ['Trailmate', 'Fetchworks'],
    variants: [
      'Nylon Leash 1.8 m',
      'Reflective Leash 1.5 m',
      'Retractable Leash 5 m',
      'Leather Leash 1.2 m',
      'Training Lead 10 m',
    ],
    sizes: [
      size('Small', 150, [200, 120, 40], [500, 1400], { case: 12, pallet: 80 }),
      size('Large', 220, [220, 140, 50], [700, 1800], { case: 12, pallet: 60 }),
    ],
    count: 8,
    shelfLifeDays: null,
  },
  {
    category: 'Accessories',
    codePrefix: 'ACC-BWL',
    brands: ['Trailmate', 'Whiskerwood'],
    variants: [
      'Stainless Steel Bowl',
      'Ceramic Bowl',
      'Non-Slip Bowl',
      'Elevated Double Feeder',
      'Slow Feeder Bowl',
    ],
    sizes: [
      size('0.5 L', 250, [160, 160, 60], [250, 700], { case: 12, pallet: 60 }),
      size('2 L', 600, [240, 240, 90], [500, 1500], { case: 6, pallet: 30 }),
    ],
    count: 8,
    shelfLifeDays: null,
  },
  {
    category: 'Accessories',
    codePrefix: 'ACC-BED',
    brands: ['Nestwell', 'Hearthhound'],
    variants: ['Orthopedic Dog Bed', 'Bolster Bed', 'Cat Cave Bed', 'Donut Cuddler', 'Crate Mat'],
    sizes: [
      size('Medium', 1800, [700, 550, 200], [1800, 3500], { pallet: 16 }),
      size('Large', 3200, [900, 700, 250], [3000, 5500], { pallet: 6 }),
    ],
    count: 6,
    shelfLifeDays: null,
  },
];
