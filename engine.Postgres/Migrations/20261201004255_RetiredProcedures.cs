using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentProcedures.Engine.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RetiredProcedures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RetiredProcedures",
                columns: table => new
                {
                    ProcedureId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RetiredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    RetiredByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetiredProcedures", x => x.ProcedureId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RetiredProcedures");
        }
    }
}
