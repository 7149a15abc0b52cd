import { size, type DemoLine } from './demo-sku-builder.js';

/**
 * Pet food, treats and litter: the heavy, fast-moving half of a pet-supplies wholesaler's
 * range. Food and treats are lot-tracked with a best-before date; litter is not.
 */
export const FOOD_LINES: readonly DemoLine[] = [
  {
    category: 'Dry dog food',
    codePrefix: 'DOG-DRY',
    brands: ['Northpaw', 'Hearthhound', 'Wildkin', 'Meadowtail'],
    variants: [
      'Adult Chicken & Rice',
      'Puppy Chicken & Oatmeal',
      'Senior Turkey & Barley',
      'Grain-Free Salmon & Sweet Potato',
      'Large Breed Lamb & Brown Rice',
      'Small Breed Chicken & Pea',
    ],
    sizes: [
      size('2 kg', 2060, [230, 90, 350], [650, 1100], { case: 6, pallet: 30 }),
      size('12 kg', 12100, [600, 400, 130], [3400, 5200], { pallet: 40 }),
    ],
    count: 36,
    shelfLifeDays: 540,
  },
  {
    category: 'Wet dog food',
    codePrefix: 'DOG-WET',
    brands: ['Northpaw', 'Hearthhound', 'Meadowtail'],
    variants: [
      'Beef Stew',
      'Chicken & Vegetable Loaf',
      'Lamb & Rice Chunks',
      'Turkey Pâté',
      'Salmon & Potato Stew',
      'Puppy Chicken Pâté',
      'Senior Chicken & Barley',
      'Venison & Pea',
    ],
    sizes: [
      size('375 g Can', 420, [85, 85, 110], [160, 260], { case: 24, pallet: 63 }),
      size('156 g Can', 180, [75, 75, 50], [85, 140], { case: 24, pallet: 150 }),
    ],
    count: 24,
    shelfLifeDays: 730,
  },
  {
    category: 'Dry cat food',
    codePrefix: 'CAT-DRY',
    brands: ['Purrfield', 'Whiskerwood', 'Wildkin'],
    variants: [
      'Indoor Chicken',
      'Kitten Chicken & Salmon',
      'Hairball Control Turkey',
      'Sensitive Stomach Salmon',
      'Senior Ocean Fish',
    ],
    sizes: [
      size('1.5 kg', 1540, [200, 80, 300], [700, 1200], { case: 6, pallet: 48 }),
      size('6 kg', 6080, [450, 320, 110], [2400, 3600], { pallet: 60 }),
    ],
    count: 20,
    shelfLifeDays: 540,
  },
  {
    category: 'Wet cat food',
    codePrefix: 'CAT-WET',
    brands: ['Purrfield', 'Whiskerwood', 'Meadowtail'],
    variants: [
      'Tuna Pâté',
      'Chicken in Gravy',
      'Salmon Flakes',
      'Turkey & Giblets',
      'Ocean Whitefish',
      'Kitten Chicken Mousse',
    ],
    sizes: [
      size('85 g Can', 95, [70, 70, 35], [55, 95], { case: 24, pallet: 160 }),
      size('85 g Pouch', 90, [140, 90, 15], [50, 90], { inner: 12, case: 48, pallet: 100 }),
    ],
    count: 20,
    shelfLifeDays: 730,
  },
  {
    category: 'Dog treats',
    codePrefix: 'DOG-TRT',
    brands: ['Barkery Lane', 'Wildkin', 'Northpaw'],
    variants: [
      'Chicken Jerky Strips',
      'Dental Chews Medium',
      'Peanut Butter Biscuits',
      'Salmon Training Bites',
      'Beef Bully Sticks',
      'Sweet Potato Chews',
    ],
    sizes: [
      size('170 g', 185, [150, 40, 230], [350, 650], { case: 12, pallet: 66 }),
      size('500 g', 520, [200, 60, 300], [800, 1400], { case: 8, pallet: 48 }),
    ],
    count: 15,
    shelfLifeDays: 365,
  },
  {
    category: 'Cat treats',
    codePrefix: 'CAT-TRT',
    brands: ['Purrfield', 'Whiskerwood'],
    variants: [
      'Crunchy Chicken Bites',
      'Salmon Soft Treats',
      'Catnip Pillows',
      'Tuna Lickable Purée',
      'Dental Crunch',
    ],
    sizes: [
      size('60 g', 65, [120, 30, 180], [180, 320], { case: 12, pallet: 180 }),
      size('170 g', 180, [150, 45, 220], [380, 600], { case: 12, pallet: 60 }),
    ],
    count: 10,
    shelfLifeDays: 365,
  },
  {
    category: 'Cat litter',
    codePrefix: 'CAT-LIT',
    brands: ['Clawstone', 'Purrfield'],
    variants: [
      'Classic Clay Litter',
      'Clumping Litter Unscented',
      'Clumping Litter Lavender',
      'Multi-Cat Clumping Litter',
      'Crystal Silica Litter',
    ],
    sizes: [
      size('7 kg', 7000, [300, 180, 320], [700, 1100], { pallet: 72 }),
      size('14 kg', 14050, [380, 230, 400], [1200, 1800], { pallet: 40 }),
    ],
    variantSizes: {
      'Classic Clay Litter': [
        size('9 kg', 9050, [400, 130, 550], [450, 750], { pallet: 60 }),
        size('18 kg', 18100, [600, 400, 140], [800, 1300], { pallet: 40 }),
      ],
      'Crystal Silica Litter': [
        size('3.6 kg', 3650, [250, 120, 350], [900, 1400], { case: 4, pallet: 32 }),
      ],
    },
    count: 12,
    shelfLifeDays: null,
  },
];
