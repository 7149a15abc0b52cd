import { BrowserRouter, Route, Routes } from 'react-router';
import { SessionProvider, useSession } from './api/session';
import { Layout } from './ui/Layout';
import { HistoryBanner } from './ui/HistoryBanner';
import { Dashboard } from './screens/Dashboard';
import { CustomerHome } from './screens/CustomerHome';
import { SignIn } from './screens/SignIn';
import { OrderList } from './screens/orders/OrderList';
import { OrderCreate } from './screens/orders/OrderCreate';
import { OrderDetail } from './screens/orders/OrderDetail';
import { Inventory } from './screens/inventory/Inventory';
import { WarehouseHome } from './screens/warehouse/WarehouseHome';
import { WaveRelease } from './screens/warehouse/WaveRelease';
import { PickScreen, PickStart } from './screens/warehouse/PickScreen';
import { PackShip } from './screens/warehouse/PackShip';
import { Receiving } from './screens/warehouse/Receiving';
import { Counts } from './screens/warehouse/Counts';
import { CountTask } from './screens/warehouse/CountTask';
import { CountReview } from './screens/warehouse/CountReview';
import { Planning } from './screens/planning/Planning';
import { Purchasing } from './screens/planning/Purchasing';
import { PoCreate } from './screens/purchasing/PoCreate';
import { PoDetail } from './screens/purchasing/PoDetail';
import { Customers } from './screens/Customers';
import { CustomerCreate } from './screens/customers/CustomerCreate';
import { CustomerDetail } from './screens/customers/CustomerDetail';
import { Returns } from './screens/Returns';
import { PriceListDetail } from './screens/pricing/PriceListDetail';
import { ReturnCreate } from './screens/returns/ReturnCreate';
import { ReturnDetail } from './screens/returns/ReturnDetail';
import { Admin } from './screens/admin/Admin';
import { Imports } from './screens/imports/Imports';

/** Where each role lands: a customer sees its own account; staff see the dashboard. */
function Home() {
  const { user } = useSession();
  return user?.role === 'customer' ? <CustomerHome /> : <Dashboard />;
}

/** Signed out: the sign-in form. Signed in: the screens, each checked again by the API. */
function Screens() {
  const { user, loading } = useSession();
  if (loading) return <p className="loading">Loading…</p>;
  if (!user) return <SignIn />;
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Home />} />
        <Route path="orders" element={<OrderList />} />
        <Route path="orders/new" element={<OrderCreate />} />
        <Route path="orders/:id" element={<OrderDetail />} />
        <Route path="inventory" element={<Inventory />} />
        <Route path="warehouse" element={<WarehouseHome />} />
        <Route path="warehouse/waves" element={<WaveRelease />} />
        <Route path="warehouse/pick" element={<PickStart />} />
        <Route path="warehouse/pick/:waveId" element={<PickScreen />} />
        <Route path="warehouse/pack" element={<PackShip />} />
        <Route path="warehouse/receiving" element={<Receiving />} />
        <Route path="warehouse/counts" element={<Counts />} />
        <Route path="warehouse/counts/:id" element={<CountTask />} />
        <Route path="warehouse/counts/:id/review" element={<CountReview />} />
        <Route path="planning" element={<Planning />} />
        <Route path="purchasing" element={<Purchasing />} />
        <Route path="purchasing/new" element={<PoCreate />} />
        <Route path="purchasing/:id" element={<PoDetail />} />
        <Route path="customers" element={<Customers />} />
        <Route path="customers/new" element={<CustomerCreate />} />
        <Route path="customers/:id" element={<CustomerDetail />} />
        <Route path="price-lists/:id" element={<PriceListDetail />} />
        <Route path="returns" element={<Returns />} />
        <Route path="returns/new" element={<ReturnCreate />} />
        <Route path="returns/:id" element={<ReturnDetail />} />
        <Route path="imports" element={<Imports />} />
        <Route path="admin" element={<Admin />} />
        <Route path="*" element={<p>There is no such page. Use the menu above.</p>} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <HistoryBanner />
        <Screens />
      </BrowserRouter>
    </SessionProvider>
  );
}
