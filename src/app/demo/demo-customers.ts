import type { NewCustomer } from '../customers/create-customer.js';

/** The demo's two price lists: everyday trade prices, and the lower ones chain accounts get. */
export type DemoPriceListCode = 'WHOLESALE' | 'CHAIN';

/** What kind of business the account is; it decides what the demo has it order and how much. */
export type DemoCustomerKind = 'store' | 'vet' | 'groomer' | 'chain' | 'feed_store' | 'aquarium';

/**
 * A demo account: a `NewCustomer` without the ids the store hands out, plus the codes they
 * stand for (price list, preferred warehouse), and a credit hold to place after opening.
 */
export interface DemoCustomer {
  kind: DemoCustomerKind;
  priceList: DemoPriceListCode;
  warehouse: 'MAIN' | 'WEST';
  /** Set: the account goes on hold with this reason right after it is opened. */
  holdReason?: string;
  customer: Omit<NewCustomer, 'priceListId' | 'preferredWarehouseId'>;
}

/** The trial limit of the feed store ($1,500): enough for its first order, not for its second. */
export const DEMO_LOW_CREDIT_LIMIT_MINOR = 150_000;

/** Vets refuse food and treats that will not keep for six months on their shelves. */
const VET_SHELF_LIFE_DAYS = 180;

const ohio = (line1: string, city: string, postalCode: string) => ({
  line1,
  city,
  region: 'OH',
  postalCode,
  country: 'US',
});
const nevada = (line1: string, city: string, postalCode: string) => ({
  line1,
  city,
  region: 'NV',
  postalCode,
  country: 'US',
});

/**
 * The demo wholesaler's trade accounts: independent pet stores, vet clinics and groomers
 * around its two DCs (central Ohio for MAIN, the Reno–Tahoe area for WEST), a regional chain
 * with several stores, a feed store on a tight credit limit and an aquarium shop on credit
 * hold. Names, streets and numbers are made up (phones in the 555-01xx block, `.example` mail).
 */
export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  {
    kind: 'store',
    priceList: 'WHOLESALE',
    warehouse: 'MAIN',
    customer: {
      accountNumber: 'C-10001',
      name: 'Buckeye Pet Supply',
      email: 'orders@buckeyepet.example',
      phone: '+1 614-555-0101',
      currency: 'USD',
      paymentTermsDays: 30,
      creditLimitMinor: 2_500_000,
      billTo: ohio('2780 North High Street', 'Columbus', '43202'),
    },
  },
  {
    kind: 'vet',
    priceList: 'WHOLESALE',
    warehouse: 'MAIN',
    customer: {
      accountNumber: 'C-10002',
      name: 'Worthington Hills Animal Hospital',
      email: 'purchasing@worthingtonhillsvet.example',
      phone: '+1 614-555-0102',
      currency: 'USD',
      paymentTermsDays: 30,
      creditLimitMinor: 1_500_000,
      minRemainingShelfLifeDays: VET_SHELF_LIFE_DAYS,
      billTo: ohio('6969 Huntley Road', 'Worthington', '43085'),
    },
  },
  {
    kind: 'store',
    priceList: 'WHOLESALE',
    warehouse: 'MAIN',
    customer: {
      accountNumber: 'C-10003',
      name: 'Clintonville Pet Pantry',
      email: 'hello@clintonvillepetpantry.example',
      phone: '+1 614-555-0103',
      currency: 'USD',
      paymentTermsDays: 30,
      creditLimitMinor: 1_500_000,
      billTo: ohio('3411 Indianola Avenue', 'Columbus', '43214'),
    },
  },
  {
    kind: 'vet',
    priceList: 'WHOLESALE',
    warehouse: 'MAIN',
    customer: {
      accountNumber: 'C-10004',
      name: 'Dublin Veterinary Clinic',
      email: 'frontdesk@dublinvetclinic.example',
      phone: '+1 614-555-0104',
      currency: 'USD',
      paymentTermsDays: 45,
      creditLimitMinor: 2_000_000,
      minRemainingShelfLifeDays: VET_SHELF_LIFE_DAYS,
      billTo: ohio('5905 Frantz Road', 'Dublin', '43017'),
    },
  },
  {
    kind: 'groomer',
    priceList: 'WHOLESALE',
    warehouse: 'MAIN',
    customer: {
      accountNumber: 'C-10005',
      name: 'Pampered Paws Grooming Salon',
      email: 'book@pamperedpaws.example',
      phone: '+1 614-555-0105',
      currency: 'USD',
      paymentTermsDays: 15,
      creditLimitMinor: 500_000,
      // One delivery a week between appointments: everything at once or nothing yet.
      shipComplete: true,
      billTo: ohio('48 South State Street', 'Westerville', '43081'),
    },
  },
  {
    kind: 'chain',
    priceList: 'CHAIN',
    warehouse: 'MAIN',
    customer: {
      accountNumber: 'C-10006',
      name: 'Heartland Pet Centers',
      email: 'replenishment@heartlandpet.example',
      phone: '+1 614-555-0106',
      currency: 'USD',
      paymentTermsDays: 45,
      creditLimitMinor: null,
      priority: 1,
      shipComplete: false,
      billTo: ohio('3900 Gantz Road, Suite 200', 'Grove City', '43123'),
      shipTos: [
        {
          code: 'STORE-01',
          name: 'Heartland Pet Center #1 Hilliard',
          address: ohio('4061 Main Street', 'Hilliard', '43026'),
          isDefault: true,
        },
        {
          code: 'STORE-02',
          name: 'Heartland Pet Center #2 Reynoldsburg',
          address: ohio('6570 East Main Street', 'Reynoldsburg', '43068'),
        },
        {
          code: 'STORE-03',
          name: 'Heartland Pet Center #3 Gahanna',
          address: ohio('1285 North Hamilton Road', 'Gahanna', '43230'),
        },
        {
          code: 'STORE-04',
          name: 'Heartland Pet Center #4 Lancaster',
          address: ohio('1660 North Memorial Drive', 'Lancaster', '43130'),
        },
      ],
    },
  },
  {
    kind: 'aquarium',
    priceList: 'WHOLESALE',
    warehouse: 'MAIN',
    holdReason: 'Two invoices more than 60 days overdue; call credit control before releasing',
    customer: {
      accountNumber: 'C-10007',
      name: 'German Village Aquarium & Pet',
      email: 'owner@gvaquarium.example',
      phone: '+1 614-555-0107',
      currency: 'USD',
      paymentTermsDays: 30,
      creditLimitMinor: 800_000,
      billTo: ohio('612 South Third Street', 'Columbus', '43206'),
    },
  },
  {
    kind: 'feed_store',
    priceList: 'WHOLESALE',
    warehouse: 'MAIN',
    customer: {
      accountNumber: 'C-10008',
      name: 'Licking County Feed & Pet',
      email: 'store@lickingfeed.example',
      phone: '+1 740-555-0108',
      currency: 'USD',
      paymentTermsDays: 15,
      // A new account on a trial limit: its second order goes over and waits for approval.
      creditLimitMinor: DEMO_LOW_CREDIT_LIMIT_MINOR,
      billTo: ohio('1120 West Main Street', 'Newark', '43055'),
    },
  },
  {
    kind: 'groomer',
    priceList: 'WHOLESALE',
    warehouse: 'MAIN',
    customer: {
      accountNumber: 'C-10009',
      name: 'Upper Arlington Dog Spa',
      email: 'spa@uadogspa.example',
      phone: '+1 614-555-0109',
      currency: 'USD',
      paymentTermsDays: 15,
      creditLimitMinor: 400_000,
      billTo: ohio('2116 Tremont Center', 'Upper Arlington', '43221'),
    },
  },
  {
    kind: 'store',
    priceList: 'WHOLESALE',
    warehouse: 'WEST',
    customer: {
      accountNumber: 'C-20001',
      name: 'Truckee Meadows Pet Supply',
      email: 'orders@tmpetsupply.example',
      phone: '+1 775-555-0121',
      currency: 'USD',
      paymentTermsDays: 30,
      creditLimitMinor: 2_500_000,
      billTo: nevada('1395 South Virginia Street', 'Reno', '89502'),
    },
  },
  {
    kind: 'vet',
    priceList: 'WHOLESALE',
    warehouse: 'WEST',
    customer: {
      accountNumber: 'C-20002',
      name: 'Sparks Animal Hospital',
      email: 'inventory@sparksanimalhospital.example',
      phone: '+1 775-555-0122',
      currency: 'USD',
      paymentTermsDays: 45,
      creditLimitMinor: 1_500_000,
      minRemainingShelfLifeDays: VET_SHELF_LIFE_DAYS,
      billTo: nevada('2250 Oddie Boulevard', 'Sparks', '89431'),
    },
  },
  {
    kind: 'store',
    priceList: 'WHOLESALE',
    warehouse: 'WEST',
    customer: {
      accountNumber: 'C-20003',
      name: 'Carson Valley Pet & Feed',
      email: 'info@carsonvalleypet.example',
      phone: '+1 775-555-0123',
      currency: 'USD',
      paymentTermsDays: 30,
      creditLimitMinor: 1_200_000,
      billTo: nevada('1629 US Highway 395 North', 'Minden', '89423'),
    },
  },
  {
    kind: 'groomer',
    priceList: 'WHOLESALE',
    warehouse: 'WEST',
    customer: {
      accountNumber: 'C-20004',
      name: 'Sierra Paws Grooming',
      email: 'appointments@sierrapaws.example',
      phone: '+1 775-555-0124',
      currency: 'USD',
      paymentTermsDays: 15,
      creditLimitMinor: 400_000,
      billTo: nevada('3315 Lakeside Drive', 'Reno', '89509'),
    },
  },
  {
    kind: 'store',
    priceList: 'WHOLESALE',
    warehouse: 'WEST',
    customer: {
      accountNumber: 'C-20005',
      name: 'Tahoe Pet Market',
      email: 'buyer@tahoepetmarket.example',
      phone: '+1 530-555-0125',
      currency: 'USD',
      paymentTermsDays: 30,
      creditLimitMinor: 1_000_000,
      billTo: {
        line1: '2358 Lake Tahoe Boulevard',
        city: 'South Lake Tahoe',
        region: 'CA',
        postalCode: '96150',
        country: 'US',
      },
    },
  },
];
