import { useEffect, useState } from 'react';
import { Cascader } from 'antd';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { RegionsQuery } from './regions.query';
import type { RegionsQuery as RegionsResult } from '../../gql/graphql';
import { useDisplayName } from '../i18n/display-name';

interface Option {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Option[];
}

type RegionRow = RegionsResult['regions'][number];

export interface RegionCascaderProps {
  id?: string;
  /** The path of region ids from the district down. */
  value?: string[];
  onChange?: (path: string[]) => void;
  /** Allow choosing a street or community as well as a grid (filters); else only a grid. */
  anyLevel?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  'aria-describedby'?: string;
}

/** antd Cascader over the region tree, loading each level with `regions(parentId)` when opened. */
export function RegionCascader({ id, value, onChange, anyLevel, allowClear = true, placeholder, ...rest }: RegionCascaderProps) {
  const client = useApolloClient();
  const { t, i18n } = useTranslation();
  const show = useDisplayName();
  const [options, setOptions] = useState<Option[]>([]);

  const toOptions = (rows: readonly RegionRow[]): Option[] =>
    rows.map((r) => ({ value: r.id, label: show(r), isLeaf: r.level === 'GRID' }));

  const fetchChildren = async (parentId: string | null) => {
    const { data } = await client.query({ query: RegionsQuery, variables: { parentId } });
    return toOptions(data?.regions ?? []);
  };

  // Load the roots, and the levels along the current value so its labels show.
  const pathKey = (value ?? []).join('/');
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const roots = await fetchChildren(null);
      let level = roots;
      for (const id of value ?? []) {
        const node = level.find((o) => o.value === id);
        if (!node || node.isLeaf) break;
        node.children = node.children ?? (await fetchChildren(id));
        level = node.children;
      }
      if (!cancelled) setOptions(roots);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathKey, i18n.language, show]);

  const loadData = async (selected: Option[]) => {
    const target = selected[selected.length - 1];
    if (!target || target.children) return;
    target.children = await fetchChildren(target.value);
    setOptions((o) => [...o]);
  };

  return (
    <Cascader
      id={id}
      options={options}
      value={value}
      loadData={loadData as never}
      changeOnSelect={anyLevel}
      allowClear={allowClear}
      placeholder={placeholder ?? t('region.placeholder')}
      onChange={(v) => onChange?.((v as string[] | undefined) ?? [])}
      showSearch={false}
      // The chosen node alone fits narrow columns; the whole path shows when it is opened.
      displayRender={(labels) => labels[labels.length - 1]}
      style={{ width: '100%' }}
      aria-describedby={rest['aria-describedby']}
      notFoundContent={t('common.empty')}
    />
  );
}
