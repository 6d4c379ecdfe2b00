import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../lib/auth';
import { useActing } from '../../../lib/acting/ActingProvider';
import { regionPath } from '../../../lib/regions';
import { dayjs, getTimeZone } from '../../../lib/time';
import { EmptyState, ErrorAlert, Loading, PageTitle } from '../../../lib/ui';
import type { ShiftFilter } from '../../../gql/graphql';
import { useFeedPolling } from '../../../lib/apollo';
import { BOARD_PAGE_SIZE, BOARD_POLL_MS, useOpenShifts } from '../api/open-shifts';
import { useBoardViewer } from '../api/board-viewer';
import { ShiftCard } from './ShiftCard';
import { ShiftFilters, type BoardFilterValues } from './ShiftFilters';

// Loaded after the board, so the first load stays small.
const RecommendedShifts = lazy(() => import('./RecommendedShifts'));
// Renders nothing: the live feed's subscription hook loads after the board too.
const LiveShiftUpdates = lazy((): Promise<{ default: ComponentType<LiveFeedProps> }> => import('./LiveShiftUpdates').catch(() => ({ default: FeedUnavailable })));

interface LiveFeedProps {
  regionId?: string;
  onDown(): void;
}

/** In place of a feed whose code could not load: the board polls instead. */
function FeedUnavailable({ onDown }: LiveFeedProps) {
  const down = useRef(onDown);
  useEffect(() => down.current(), []);
  return null;
}

/** Board filters as the API takes them; dates are whole days in the user's zone. */
export function toShiftFilter(v: BoardFilterValues): ShiftFilter {
  return {
    regionId: v.region?.length ? v.region[v.region.length - 1] : undefined,
    category: v.category || undefined,
    skills: v.skills?.length ? v.skills : undefined,
    from: v.dateFrom ? dayjs.tz(v.dateFrom, getTimeZone()).toISOString() : undefined,
    to: v.dateTo ? dayjs.tz(v.dateTo, getTimeZone()).add(1, 'day').toISOString() : undefined,
    onlyWithSpace: v.onlyWithSpace || undefined,
  };
}

export function ShiftBoard() {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const { actingFor, stopActing } = useActing();
  const viewer = useBoardViewer(!signedIn);
  const [values, setValues] = useState<BoardFilterValues | null>(signedIn ? null : {});

  // Start at the person's home grid once we know it.
  useEffect(() => {
    if (values !== null) return;
    if (!signedIn) setValues({});
    else if (viewer.data || viewer.error) setValues({ region: regionPath(viewer.data?.me?.homeRegion) });
  }, [signedIn, viewer.data, viewer.error, values]);

  const filter = useMemo(() => toShiftFilter(values ?? {}), [values]);
  // Live counts over the socket; the 20 s poll only while it is down or the feed of the region
  // shown failed (or never loaded). When the socket is back: a catch-up, and failed feeds start
  // again (a new `feedRun` mounts them anew).
  const [feedDown, setFeedDown] = useState<string | null>(null);
  const [feedRun, setFeedRun] = useState(0);
  const feedKey = String(filter.regionId ?? '');
  // A poll fetches the first page again, which would drop the pages shown after it: with
  // more shown, polls wait, and the catch-up fetches as many shifts as are shown.
  const shown = useRef(0);
  const pollInterval = useFeedPolling(BOARD_POLL_MS, {
    feedFailed: feedDown === feedKey,
    onResume: () => void refetch({ first: Math.min(100, Math.max(BOARD_PAGE_SIZE, shown.current)) }),
    restartFeed: () => {
      setFeedDown(null);
      setFeedRun((n) => n + 1);
    },
  });
  const { data, loading, error, fetchMore, refetch } = useOpenShifts(filter, values === null, pollInterval, () => shown.current > BOARD_PAGE_SIZE);
  const conn = data?.openShifts;
  useEffect(() => {
    shown.current = conn?.edges.length ?? 0;
  });

  return (
    <>
      <PageTitle>{t('board.title')}</PageTitle>
      {values !== null ? (
        <Suspense fallback={null}>
          <LiveShiftUpdates key={feedRun} regionId={feedKey || undefined} onDown={() => setFeedDown(feedKey)} />
        </Suspense>
      ) : null}
      <p className="lead">{t('board.lead')}</p>
      {actingFor ? (
        <Alert
          type="info"
          showIcon
          className="acting-banner"
          title={t('acting.banner', { name: actingFor.displayName })}
          action={<Button onClick={stopActing}>{t('acting.stop')}</Button>}
        />
      ) : null}
      {signedIn && !actingFor ? (
        <Suspense fallback={null}>
          <RecommendedShifts />
        </Suspense>
      ) : null}
      <div className="board">
        <section className="board-filters" aria-labelledby="filters-heading">
          <h2 id="filters-heading" className="section-title">
            {t('board.filters')}
          </h2>
          {values !== null ? <ShiftFilters value={values} onChange={setValues} /> : <Loading />}
        </section>
        <section className="board-results" aria-labelledby="results-heading">
          <h2 id="results-heading" className="section-title">
            {/* Above the API's count cap the total is a lower bound: "more than 1,000". */}
            {conn ? t(conn.totalCountExact ? 'board.results' : 'board.resultsMore', { count: conn.totalCount }) : t('board.resultsTitle')}
          </h2>
          {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
          {!conn && loading ? <Loading /> : null}
          {conn && conn.edges.length === 0 ? <EmptyState text={t('board.empty')} /> : null}
          {conn && conn.edges.length > 0 ? (
            <ul className="card-list">
              {conn.edges.map(({ node }) => (
                <li key={node.id}>
                  <ShiftCard shift={node} />
                </li>
              ))}
            </ul>
          ) : null}
          {conn?.pageInfo.hasNextPage ? (
            <Button block loading={loading} onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor, first: BOARD_PAGE_SIZE } })}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </section>
      </div>
    </>
  );
}
