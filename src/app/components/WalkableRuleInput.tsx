import { useState } from 'react';
import { DEFAULT_WALKABLE_RULE, type WalkableRule } from '../../core/walkable-rule.ts';
import { useT } from '../i18n.ts';

/**
 * The walkable rule's list of excluded highway classes as editable text (comma-separated OSM
 * `highway=*` values), e.g. add `trunk` where expressways have no sidewalks. Applied on Enter/blur.
 */
export function WalkableRuleInput({ rule, disabled, onApply }: { rule: WalkableRule; disabled: boolean; onApply: (rule: WalkableRule) => void }) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const apply = () => {
    if (draft === null) return;
    const excludedHighways = [...new Set(draft.split(/[,，\s]+/).map((s) => s.trim()).filter(Boolean))];
    setDraft(null);
    if (excludedHighways.join(',') !== rule.excludedHighways.join(',')) onApply({ ...rule, excludedHighways });
  };
  return (
    <label className="field" title={t('excludedHighwaysHint')}>
      <span>{t('excludedHighways')}</span>
      <input type="text" disabled={disabled} data-testid="excluded-highways" value={draft ?? rule.excludedHighways.join(', ')}
        placeholder={DEFAULT_WALKABLE_RULE.excludedHighways.join(', ')}
        onChange={(e) => setDraft(e.target.value)} onBlur={apply} onKeyDown={(e) => e.key === 'Enter' && apply()} />
    </label>
  );
}
