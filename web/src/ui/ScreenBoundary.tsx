import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Link } from 'react-router';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * One screen's safety net: a render error in a screen shows what failed and a way back
 * instead of unmounting the whole app (a white page with the menu gone). The layout keys it
 * by path, so moving to another screen starts clean; "Try again" re-renders this one.
 */
export class ScreenBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept in the console for support; the screen shows the message.
    console.error('Screen failed', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="problem screen-error" role="alert" data-code="CLIENT.SCREEN_FAILED">
        <strong>This screen failed to show: {error.message}</strong>
        <div className="problem-code">CLIENT.SCREEN_FAILED</div>
        <p>
          Nothing was lost on the server.{' '}
          <button type="button" className="link" onClick={() => this.setState({ error: null })}>
            Try again
          </button>{' '}
          or <Link to="/">go to the dashboard</Link>.
        </p>
      </div>
    );
  }
}
