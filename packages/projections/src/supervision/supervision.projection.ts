import type { DocChange, DocReader, Projection } from '../read-model';
import { supervisionItems, supervisionProjects } from './supervision.document';
import { supervisionOfProject } from './supervision.project';
// Leading-group meetings' 交办 items (R20)
import { supervisionMeetings, supervisionOfMeeting } from './supervision.meeting';

/**
 * Supervision list (督办清单): every item an office follows to done, whatever raised it. Each
 * category's events are read in a file of their own (supervision.<category>.ts); all write items
 * of one shape into one collection, so the list, its filters and its exports stay one.
 */
export const supervisionProjection: Projection = {
  name: 'supervision',
  // 5: leading-group meetings' 交办 items (R20)
  version: 5,
  categories: [
    'project',
    // Leading-group meetings' 交办 items (R20)
    'meeting',
  ],
  collections: [
    supervisionItems,
    supervisionProjects,
    // Leading-group meetings' 交办 items (R20)
    supervisionMeetings,
  ],
  apply: (docs: DocReader, decoded): ReadonlyArray<DocChange> => {
    switch (decoded.category) {
      case 'project':
        return supervisionOfProject(docs, decoded.event);
      // Leading-group meetings' 交办 items (R20)
      case 'meeting':
        return supervisionOfMeeting(docs, decoded.event);
      default:
        return [];
    }
  },
};
