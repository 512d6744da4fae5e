using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentProcedures.Engine.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InboxLabels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PendingWork_Role_Territory_ProcedureId_Step_Status_Province~",
                table: "PendingWork");

            migrationBuilder.AddColumn<bool>(
                name: "AwaitingReply",
                table: "PendingWork",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ApplicationLabels",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    SetAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SetBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationLabels", x => new { x.ApplicationId, x.Label });
                    table.ForeignKey(
                        name: "FK_ApplicationLabels_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PendingWork_Role_Territory_ProcedureId_Step_Status_Province~",
                table: "PendingWork",
                columns: new[] { "Role", "Territory", "ProcedureId", "Step", "Status", "Province", "ClaimedBy", "AwaitingReply", "DueOn" });

            // Files already awaiting a reply: their latest message is the applicant's.
            migrationBuilder.Sql("""
                UPDATE "PendingWork" SET "AwaitingReply" = TRUE
                WHERE "ApplicationId" IN (
                    SELECT m."ApplicationId" FROM "Messages" m
                    WHERE m."FromApplicant" = TRUE
                      AND NOT EXISTS (SELECT 1 FROM "Messages" r WHERE r."ApplicationId" = m."ApplicationId" AND r."AuditSequence" > m."AuditSequence"))
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationLabels_Label_ApplicationId",
                table: "ApplicationLabels",
                columns: new[] { "Label", "ApplicationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApplicationLabels");

            migrationBuilder.DropIndex(
                name: "IX_PendingWork_Role_Territory_ProcedureId_Step_Status_Province~",
                table: "PendingWork");

            migrationBuilder.DropColumn(
                name: "AwaitingReply",
                table: "PendingWork");

            migrationBuilder.CreateIndex(
                name: "IX_PendingWork_Role_Territory_ProcedureId_Step_Status_Province~",
                table: "PendingWork",
                columns: new[] { "Role", "Territory", "ProcedureId", "Step", "Status", "Province", "ClaimedBy", "DueOn" });
        }
    }
}
