import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import { Alert, Button, Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../../lib/auth';
import { useActing } from '../../../lib/acting/ActingProvider';
import { regionLabel, regionPath } from '../../../lib/regions';
import { apiErrors, translateApiError } from '../../../lib/errors';
import { dayjs, getTimeZone } from '../../../lib/time';
import { EmptyState, ErrorAlert, Loading, PageTitle } from '../../../lib/ui';
import type { BoardPageQuery, ShiftFilter } from '../../../gql/graphql';
import { useFeedPolling } from '../../../lib/apollo';
import { BOARD_PAGE_SIZE, BOARD_POLL_MS, useOpenShifts } from '../api/open-shifts';
import { useBoardPage } from '../api/board-page';
import { boardFilterParams, datesInverted, readBoardFilters } from '../hooks/board-url';
import { useSmallScreen } from '../hooks/use-small-screen';
import { ShiftCard } from './ShiftCard';
import { ShiftFilters, type BoardFilterErrors, type BoardFilterValues } from './ShiftFilters';

// Loaded after the board, so the first load stays small (its data comes with the board's).
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

type HomeRegion = NonNullable<NonNullable<BoardPageQuery['me']>['homeRegion']>;
type RegionNode = { id: string; name: string; nameEn?: string | null; level: string; parent?: RegionNode | null };

/** The person's home and the street it lies in (for "all of my street"). */
function homeAreas(home: HomeRegion | null | undefined) {
  const path = regionPath(home);
  let street: RegionNode | null | undefined = home as RegionNode | null | undefined;
  while (street && street.level !== 'STREET') street = street.parent;
  return { path, home: home as RegionNode | null | undefined, street, streetPath: street ? path.slice(0, path.indexOf(street.id) + 1) : [] };
}

/** The API's answer about a filter field, as a message under that field (`filter.to` → dates). */
function filterFieldErrors(error: unknown, t: Parameters<typeof translateApiError>[0]): BoardFilterErrors | null {
  const bad = apiErrors(error).filter((e) => e.code === 'BAD_USER_INPUT' && e.field?.startsWith('filter.'));
  if (!bad.length) return null;
  const out: BoardFilterErrors = {};
  for (const e of bad) {
    const f = e.field!.slice('filter.'.length);
    const field = f === 'from' || f === 'to' ? 'dates' : f === 'regionId' ? 'region' : f === 'category' ? 'category' : f === 'skills' ? 'skills' : 'form';
    out[field] = [out[field], translateApiError(t, e)].filter(Boolean).join(' ');
  }
  return out;
}

export function ShiftBoard() {
  const { t, i18n } = useTranslation();
  const { signedIn } = useSession();
  const { actingFor, stopActing } = useActing();
  const small = useSmallScreen();
  const [sheetOpen, setSheetOpen] = useState(false);
  const page = useBoardPage(!signedIn, actingFor?.id ?? null);
  const [params, setParams] = useSearchParams();
  const fromUrl = useMemo(() => readBoardFilters(params), [params]);
  const areas = homeAreas(page.data?.me?.homeRegion);

  // With no area in the address, a signed-in person starts at their home grid, once known.
  const byDefault = fromUrl.region === undefined;
  const homeKnown = !signedIn || Boolean(page.data) || Boolean(page.error);
  const values: BoardFilterValues | null = !byDefault ? fromUrl : !signedIn ? { ...fromUrl, region: [] } : homeKnown ? { ...fromUrl, region: areas.path } : null;
  const narrowedToHome = byDefault && signedIn && areas.path.length > 0;
  // The address changes in a transition: until it has, the form shows what was just chosen,
  // so a box ticked stays ticked and a second quick change builds on the first.
  const [chosen, setChosen] = useState<BoardFilterValues | null>(null);
  const requested = useRef<string[]>([]);
  const setValues = (v: BoardFilterValues) => {
    const next = boardFilterParams(v);
    requested.current.push(next.toString());
    setChosen(v);
    setParams(next, { replace: true });
  };
  useEffect(() => {
    // An address on the way to the last choice keeps it shown; the last one, or any other (back), ends it.
    const at = requested.current.indexOf(params.toString());
    if (at >= 0 && at < requested.current.length - 1) {
      requested.current = requested.current.slice(at + 1);
      return;
    }
    requested.current = [];
    setChosen(null);
  }, [params]);

  // An end before the start asks nothing: the form says so, and the last valid shifts stay.
  const inverted = values !== null && datesInverted(values);
  // (Opened with such a link, the board shows the other filters' shifts without the dates.)
  const lastValid = useRef<ShiftFilter | null>(null);
  const valuesKey = values ? JSON.stringify(values) : null;
  const filter = useMemo(
    () => (!values ? {} : !inverted ? toShiftFilter(values) : (lastValid.current ?? toShiftFilter({ ...values, dateFrom: undefined, dateTo: undefined }))),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `valuesKey` stands for `values`, rebuilt each render
    [valuesKey, inverted],
  );
  useEffect(() => {
    if (values && !inverted) lastValid.current = filter;
  }, [filter, inverted, values]);

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
  const { data, loading, error, fetchMore, refetch } = useOpenShifts(filter, actingFor?.id ?? null, values === null, pollInterval, () => shown.current > BOARD_PAGE_SIZE);
  const conn = data?.openShifts;
  useEffect(() => {
    shown.current = conn?.edges.length ?? 0;
  });

  // A filter the API refused is a message under that filter, not an error to retry.
  const apiFieldErrors = filterFieldErrors(error, t);
  const fieldErrors: BoardFilterErrors = { ...(apiFieldErrors ?? {}), ...(inverted ? { dates: t('board.datesInverted') } : {}) };
  const filterCount = values ? [values.region?.length, values.category, values.skills?.length, values.dateFrom || values.dateTo, values.onlyWithSpace].filter(Boolean).length : 0;
  const filters = values !== null ? <ShiftFilters value={chosen ?? values} onChange={setValues} errors={fieldErrors} /> : <Loading />;
  const recommendations = page.data?.recommendedShifts ?? [];

  return (
    <>
      <PageTitle>{t('board.title')}</PageTitle>
      {values !== null ? (
        <Suspense fallback={null}>
          <LiveShiftUpdates key={feedRun} regionId={feedKey || undefined} onDown={() => setFeedDown(feedKey)} />
        </Suspense>
      ) : null}
      <p className={small ? 'lead board-lead-compact' : 'lead'}>{t('board.lead')}</p>
      {actingFor ? (
        <Alert
          type="info"
          showIcon
          className="acting-banner"
          title={t('acting.banner', { name: actingFor.displayName })}
          action={<Button onClick={stopActing}>{t('acting.stop')}</Button>}
        />
      ) : null}
      {narrowedToHome ? (
        <Alert
          type="info"
          className="board-home-note"
          title={t('board.homeOnly', { area: areas.home ? regionLabel(areas.home, i18n.language) : '' })}
          action={
            areas.street ? (
              <Button onClick={() => setValues({ ...values!, region: areas.streetPath })}>{t('board.wholeStreet', { street: regionLabel(areas.street, i18n.language) })}</Button>
            ) : undefined
          }
        />
      ) : null}
      {signedIn && !actingFor && recommendations.length ? (
        <Suspense fallback={null}>
          <RecommendedShifts recommendations={recommendations} compact={small} />
        </Suspense>
      ) : null}
      {page.error ? <ErrorAlert error={page.error} onRetry={() => void page.refetch()} /> : null}
      <div className="board">
        {small ? (
          <Drawer
            open={sheetOpen}
            onClose={() => setSheetOpen(false)}
            placement="bottom"
            title={t('board.filters')}
            className="board-filter-sheet"
            size="auto"
            styles={{ wrapper: { maxHeight: '85vh' } }}
            footer={
              <Button type="primary" block onClick={() => setSheetOpen(false)}>
                {conn ? t('board.showResults', { count: conn.totalCount }) : t('common.close')}
              </Button>
            }
          >
            {filters}
          </Drawer>
        ) : (
          <section className="board-filters" aria-labelledby="filters-heading">
            <h2 id="filters-heading" className="section-title">
              {t('board.filters')}
            </h2>
            {filters}
          </section>
        )}
        <section className="board-results" aria-labelledby="results-heading">
          <div className="board-results-head">
            <h2 id="results-heading" className="section-title">
              {/* Above the API's count cap the total is a lower bound: "more than 1,000". */}
              {conn ? t(conn.totalCountExact ? 'board.results' : 'board.resultsMore', { count: conn.totalCount }) : t('board.resultsTitle')}
            </h2>
            {small ? (
              <Button onClick={() => setSheetOpen(true)} aria-haspopup="dialog" className="board-filters-button">
                {filterCount ? t('board.filtersCount', { count: filterCount }) : t('board.filters')}
              </Button>
            ) : null}
          </div>
          {small && Object.keys(fieldErrors).length ? (
            <p className="field-error" role="alert">
              {Object.values(fieldErrors).join(' ')}
            </p>
          ) : null}
          {error && !apiFieldErrors ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
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
