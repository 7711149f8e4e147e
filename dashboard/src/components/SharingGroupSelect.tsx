import { useQuery } from '@apollo/client/react';
import { SharingGroupOptionsDocument } from '../gql/graphql.ts';

/**
 * A multiple select of the sharing groups the caller may see (`sharingGroups`: those its
 * organization owns or is a member of), for `sharedWithSharingGroupIds`. Wrapped in a `Field`,
 * which gives it its label and the API's complaint.
 */
export function SharingGroupSelect({
  value,
  onChange,
  ...control
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  /** Set by `Field`. */
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const { data } = useQuery(SharingGroupOptionsDocument);
  const groups = data?.sharingGroups ?? [];
  return (
    <select
      {...control}
      multiple
      size={Math.min(Math.max(groups.length, 2), 5)}
      value={value}
      onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
    >
      {groups.map((group) => (
        <option key={group.id} value={group.id}>
          {group.name} · {group.owner.name}
        </option>
      ))}
    </select>
  );
}
