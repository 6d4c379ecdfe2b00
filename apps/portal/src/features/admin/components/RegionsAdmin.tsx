import { useCallback, useEffect, useMemo, useState, type Key } from 'react';
import { Alert, Button, Form, Input, InputNumber, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { AdminRegionFragment, RegionLevel } from '../../../gql/graphql';
import { useSession } from '../../../lib/auth';
import { useFormErrors } from '../../../lib/errors';
import { RegionCascader, regionLabel } from '../../../lib/regions';
import { EmptyState, ErrorAlert, Loading, PageTitle, Pill } from '../../../lib/ui';
import { AdminRegionChildrenQuery, useAdminRegionRoots } from '../api/admin-regions';
import { useCreateRegionMutation } from '../api/create-region';
import { useUpdateRegionMutation } from '../api/update-region';

export const AdminRegionFragmentDoc = graphql(`
  fragment AdminRegion on Region {
    id
    code
    name
    nameEn
    level
    latitude
    longitude
    parent { id }
  }
`);

const LEVELS: RegionLevel[] = ['DISTRICT', 'STREET', 'COMMUNITY', 'GRID'];
const childLevel = (level: RegionLevel): RegionLevel | null => LEVELS[LEVELS.indexOf(level) + 1] ?? null;
const parentLevel = (level: RegionLevel): RegionLevel | null => LEVELS[LEVELS.indexOf(level) - 1] ?? null;
const ROOT = '';
/** The digits a child's code starts with: its parent's own part (see the code convention). */
const PREFIX_DIGITS: Record<RegionLevel, number> = { DISTRICT: 6, STREET: 9, COMMUNITY: 12, GRID: 15 };

interface RegionFields {
  code?: string;
  name: string;
  nameEn?: string;
  latitude?: number | null;
  longitude?: number | null;
}

/** The coordinates as the API takes them: a number each, or null for a field left empty. */
const coordinates = (v: RegionFields) => ({ latitude: v.latitude ?? null, longitude: v.longitude ?? null });

function CoordinateFields() {
  const { t } = useTranslation();
  return (
    <div className="filter-grid">
      <Form.Item name="latitude" label={t('regionsAdmin.latitude')}>
        <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="longitude" label={t('regionsAdmin.longitude')}>
        <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
      </Form.Item>
    </div>
  );
}

/** A new region of `level` under `parent` (a district when there is no parent). */
function CreateRegionForm({ parent, level, onCreated }: { parent: AdminRegionFragment | null; level: RegionLevel; onCreated: (r: AdminRegionFragment) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<RegionFields>();
  const [create, { loading }] = useCreateRegionMutation();
  const [done, setDone] = useState<string | null>(null);
  const { formError, showError, clearError } = useFormErrors(form, ['code', 'name', 'nameEn', 'latitude', 'longitude']);
  const levelName = t(`regionsAdmin.level.${level}`);
  const id = `create-${parent?.id ?? 'root'}`;
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{parent ? t('regionsAdmin.createTitle', { level: levelName, name: regionLabel(parent, i18n.language) }) : t('regionsAdmin.createRootTitle')}</h2>
      <Form
        form={form}
        name={id}
        layout="vertical"
        requiredMark={false}
        className="narrow-form"
        onFinish={async (v) => {
          clearError();
          setDone(null);
          try {
            const r = await create({ variables: { input: { code: (v.code ?? '').trim(), parentId: parent?.id ?? null, level, name: v.name, nameEn: v.nameEn?.trim() || null, ...coordinates(v) } } });
            const made = r.data?.createRegion;
            if (made) {
              form.resetFields();
              setDone(t('regionsAdmin.created', { name: regionLabel(made, i18n.language) }));
              onCreated(made);
            }
          } catch (e) {
            showError(e);
          }
        }}
      >
        <Form.Item name="code" label={t('regionsAdmin.code')} extra={t('regionsAdmin.codeHelp')} rules={[{ required: true, whitespace: true, message: t('regionsAdmin.codeRequired') }]}>
          <Input inputMode="numeric" maxLength={15} placeholder={parent ? `${parent.code.slice(0, PREFIX_DIGITS[parent.level])}…` : undefined} />
        </Form.Item>
        <Form.Item name="name" label={t('regionsAdmin.name')} rules={[{ required: true, whitespace: true, message: t('regionsAdmin.nameRequired') }, { max: 100, message: t('validation.maxLength', { max: 100 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('regionsAdmin.nameEn')} rules={[{ max: 100, message: t('validation.maxLength', { max: 100 }) }]}>
          <Input />
        </Form.Item>
        <CoordinateFields />
        {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
        <div aria-live="polite">{done ? <p className="saved-note">{done}</p> : null}</div>
        <Button htmlType="submit" loading={loading}>
          {t('regionsAdmin.create', { level: levelName })}
        </Button>
      </Form>
    </section>
  );
}

/** Name and centre of the chosen region. */
function EditRegionForm({ region, onSaved }: { region: AdminRegionFragment; onSaved: (r: AdminRegionFragment, oldParentId: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<RegionFields>();
  const [update, { loading }] = useUpdateRegionMutation();
  const [saved, setSaved] = useState(false);
  const { formError, showError, clearError } = useFormErrors(form, ['name', 'nameEn', 'latitude', 'longitude']);
  useEffect(() => {
    form.setFieldsValue({ name: region.name, nameEn: region.nameEn ?? '', latitude: region.latitude, longitude: region.longitude });
  }, [form, region.name, region.nameEn, region.latitude, region.longitude]);
  // Another region chosen: what was said about the last one goes.
  useEffect(() => {
    setSaved(false);
    clearError();
  }, [region.id, clearError]);
  return (
    <section className="panel" aria-labelledby="edit-region-heading">
      <h2 id="edit-region-heading">{t('regionsAdmin.editTitle')}</h2>
      <Form
        form={form}
        name="edit-region"
        layout="vertical"
        requiredMark={false}
        className="narrow-form"
        onFinish={async (v) => {
          clearError();
          setSaved(false);
          try {
            const r = await update({ variables: { input: { id: region.id, name: v.name, nameEn: v.nameEn?.trim() ?? '', ...coordinates(v) } } });
            if (r.data?.updateRegion) {
              setSaved(true);
              onSaved(r.data.updateRegion, region.parent?.id ?? null);
            }
          } catch (e) {
            showError(e);
          }
        }}
      >
        <Form.Item name="name" label={t('regionsAdmin.name')} rules={[{ required: true, whitespace: true, message: t('regionsAdmin.nameRequired') }, { max: 100, message: t('validation.maxLength', { max: 100 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('regionsAdmin.nameEn')} rules={[{ max: 100, message: t('validation.maxLength', { max: 100 }) }]}>
          <Input />
        </Form.Item>
        <CoordinateFields />
        {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
        <div aria-live="polite">{saved ? <p className="saved-note">{t('regionsAdmin.saved')}</p> : null}</div>
        <Button htmlType="submit" loading={loading}>
          {t('regionsAdmin.save', { name: regionLabel(region, i18n.language) })}
        </Button>
      </Form>
    </section>
  );
}

/** Another parent of the level above (`above`); the API refuses one under the region itself. */
function MoveRegionForm({ region, above, onMoved }: { region: AdminRegionFragment; above: RegionLevel; onMoved: (r: AdminRegionFragment, oldParentId: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ parent: string[] }>();
  const [update, { loading }] = useUpdateRegionMutation();
  const [moved, setMoved] = useState(false);
  const { formError, showError, clearError } = useFormErrors(form, ['parent'], { aliases: { parentId: 'parent' } });
  useEffect(() => {
    form.resetFields();
    setMoved(false);
    clearError();
  }, [form, region.id, clearError]);
  return (
    <section className="panel" aria-labelledby="move-region-heading">
      <h2 id="move-region-heading">{t('regionsAdmin.moveTitle', { level: t(`regionsAdmin.level.${above}`) })}</h2>
      <Form
        form={form}
        name="move-region"
        layout="vertical"
        requiredMark={false}
        className="narrow-form"
        onFinish={async (v) => {
          clearError();
          setMoved(false);
          try {
            const r = await update({ variables: { input: { id: region.id, parentId: v.parent[v.parent.length - 1] } } });
            if (r.data?.updateRegion) {
              setMoved(true);
              onMoved(r.data.updateRegion, region.parent?.id ?? null);
            }
          } catch (e) {
            showError(e);
          }
        }}
      >
        <Form.Item name="parent" label={t('regionsAdmin.newParent')} rules={[{ required: true, type: 'array', min: 1, message: t('regionsAdmin.newParentRequired') }]}>
          <RegionCascader anyLevel />
        </Form.Item>
        {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
        <div aria-live="polite">{moved ? <p className="saved-note">{t('regionsAdmin.moved', { name: regionLabel(region, i18n.language) })}</p> : null}</div>
        <Button htmlType="submit" loading={loading}>
          {t('regionsAdmin.move', { name: regionLabel(region, i18n.language) })}
        </Button>
      </Form>
    </section>
  );
}

/** For administrators: the region tree, and creating, renaming and moving regions. */
export function RegionsAdmin() {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const session = useSession();
  const isAdmin = session.me?.role === 'ADMIN';
  const { data, loading, error, refetch } = useAdminRegionRoots(!isAdmin);
  // Children of each opened region ('' for the roots), fetched as the tree opens.
  const [children, setChildren] = useState<Map<string, AdminRegionFragment[]>>(new Map());
  const [expanded, setExpanded] = useState<Key[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  const roots = data?.regions;
  useEffect(() => {
    if (roots) setChildren((m) => new Map(m).set(ROOT, [...roots]));
  }, [roots]);

  const load = useCallback(
    async (parentId: string) => {
      setLoadError(null);
      try {
        const r = await client.query({ query: AdminRegionChildrenQuery, variables: { parentId: parentId || null }, fetchPolicy: 'network-only' });
        setChildren((m) => new Map(m).set(parentId, [...(r.data?.regions ?? [])]));
      } catch (e) {
        setLoadError(e);
      }
    },
    [client],
  );

  const byId = useMemo(() => new Map([...children.values()].flat().map((r) => [r.id, r])), [children]);
  const selected = selectedId ? (byId.get(selectedId) ?? null) : null;
  const above = selected ? parentLevel(selected.level) : null;
  const below = selected ? childLevel(selected.level) : null;

  const treeData = useMemo(() => {
    const build = (rows: AdminRegionFragment[]): TreeDataNode[] =>
      rows.map((r) => {
        const below = children.get(r.id);
        return { key: r.id, title: `${regionLabel(r, i18n.language)} · ${r.code}`, isLeaf: r.level === 'GRID', children: below ? build(below) : undefined };
      });
    return build(children.get(ROOT) ?? []);
  }, [children, i18n.language]);

  /** After a change: the lists that hold the region, before and after, read again. */
  const refresh = async (r: AdminRegionFragment, oldParentId: string | null, select = true) => {
    const parentId = r.parent?.id ?? ROOT;
    await Promise.all([...new Set([oldParentId ?? ROOT, parentId])].map((p) => load(p)));
    if (parentId) setExpanded((keys) => (keys.includes(parentId) ? keys : [...keys, parentId]));
    if (select) setSelectedId(r.id);
  };

  if (session.loading || (!data && loading)) return <Loading />;
  if (!isAdmin)
    return (
      <>
        <PageTitle>{t('regionsAdmin.title')}</PageTitle>
        <EmptyState text={t('regionsAdmin.adminOnly')} />
      </>
    );

  if (error && !data) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageTitle>{t('regionsAdmin.title')}</PageTitle>
      <p className="lead">{t('regionsAdmin.lead')}</p>
      <ErrorAlert error={loadError} />
      <div className="regions-admin">
        <section className="panel" aria-labelledby="region-tree-heading">
          <h2 id="region-tree-heading">{t('regionsAdmin.treeLabel')}</h2>
          {treeData.length === 0 ? <p className="hint">{t('regionsAdmin.empty')}</p> : null}
          <Tree
            aria-label={t('regionsAdmin.treeLabel')}
            treeData={treeData}
            // A level shows at once when opened: no animation (kinder to elder mode too).
            motion={false}
            expandedKeys={expanded}
            onExpand={(keys) => setExpanded(keys)}
            loadData={(node) => (children.has(String(node.key)) ? Promise.resolve() : load(String(node.key)))}
            selectedKeys={selectedId ? [selectedId] : []}
            onSelect={(keys) => setSelectedId(keys.length ? String(keys[0]) : null)}
          />
        </section>
        <div className="regions-admin-detail">
          {selected ? (
            <>
              <section className="panel" aria-labelledby="region-heading">
                <h2 id="region-heading">{regionLabel(selected, i18n.language)}</h2>
                <p className="pill-row">
                  <Pill tone="blue">{t(`regionsAdmin.level.${selected.level}`)}</Pill>
                  <span>
                    {t('regionsAdmin.code')}: <code>{selected.code}</code>
                  </span>
                </p>
              </section>
              <EditRegionForm region={selected} onSaved={refresh} />
              {above ? <MoveRegionForm region={selected} above={above} onMoved={refresh} /> : null}
              {below ? <CreateRegionForm key={selected.id} parent={selected} level={below} onCreated={(r) => void refresh(r, r.parent?.id ?? null, false)} /> : null}
            </>
          ) : (
            <>
              {treeData.length ? <p className="hint">{t('regionsAdmin.chooseHint')}</p> : null}
              <CreateRegionForm parent={null} level="DISTRICT" onCreated={(r) => void refresh(r, null)} />
            </>
          )}
        </div>
      </div>
    </>
  );
}
